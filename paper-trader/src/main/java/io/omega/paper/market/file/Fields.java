package io.omega.paper.market.file;

/** Reading one value of a row as text, so that every bad value is named the same way whatever the format. */
final class Fields {

    private Fields() {
    }

    static double number(RowRef row, String field, String raw) {
        try {
            double value = Double.parseDouble(raw);
            // Double.parseDouble also takes "NaN", "Infinity" and hex floats; a price file means none of them.
            if (Double.isFinite(value) && !raw.isEmpty() && !raw.contains("x") && !raw.contains("X")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw row.field(field, "expected a number, got '" + raw + "'");
    }

    /** One CSV field: surrounding blanks and one pair of double quotes removed. */
    static String unquote(String field) {
        String trimmed = field.strip();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1).strip();
        }
        return trimmed;
    }
}
