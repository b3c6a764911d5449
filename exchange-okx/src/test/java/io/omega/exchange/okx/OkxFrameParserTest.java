package io.omega.exchange.okx;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OKX v5 frames as OKX's documentation shows them, and what is wrong with bad ones. */
class OkxFrameParserTest {

    private static final OkxArg BTC_TRADES = OkxArg.trades("BTC-USDT-SWAP");

    private final OkxFrameParser parser = new OkxFrameParser(new ObjectMapper());

    @Test
    void pongIsTheBareText() {
        assertThat(parser.parse("pong")).isEqualTo(new OkxEvent.Pong());
    }

    @Test
    void subscribeAndUnsubscribeAcknowledgements() {
        assertThat(parser.parse("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},"
                + "\"connId\":\"a4d3ae55\"}")).isEqualTo(new OkxEvent.Subscribed(BTC_TRADES, "a4d3ae55"));
        assertThat(parser.parse("{\"id\":\"1512\",\"event\":\"unsubscribe\",\"arg\":{\"channel\":\"trades\","
                + "\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"a4d3ae55\"}"))
                .isEqualTo(new OkxEvent.Unsubscribed(BTC_TRADES, "a4d3ae55"));
    }

    @Test
    void anAcknowledgementOfAWholeInstrumentTypeIsAnEventNotAMalformedFrame() {
        assertThat(parser.parse("{\"event\":\"subscribe\",\"arg\":{\"channel\":\"instruments\",\"instType\":"
                + "\"SPOT\"},\"connId\":\"a4d3ae55\"}")).isEqualTo(new OkxEvent.OtherEvent("subscribe", "a4d3ae55"));
        assertThat(parser.parse("{\"event\":\"unsubscribe\",\"arg\":{\"channel\":\"tickers\",\"instFamily\":"
                + "\"BTC-USD\"},\"connId\":\"a4d3ae55\"}")).isEqualTo(new OkxEvent.OtherEvent("unsubscribe", "a4d3ae55"));
    }

    @Test
    void anErrorMayNameItsSubscriptionInArg() {
        assertThat(parser.parse("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"channel not found\","
                + "\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"connId\":\"a4d3ae55\"}"))
                .isEqualTo(new OkxEvent.ServerError("60018", "channel not found", "a4d3ae55", BTC_TRADES));
        assertThat(parser.parse("{\"event\":\"error\",\"code\":\"60018\",\"msg\":\"channel not found\","
                + "\"arg\":{\"channel\":\"trades\"}}"))
                .isEqualTo(new OkxEvent.ServerError("60018", "channel not found", ""));
    }

    @Test
    void restTradesAreReadNewestFirstAsOkxListsThem() {
        List<OkxTrade> trades = parser.restTrades("{\"code\":\"0\",\"msg\":\"\",\"data\":[{\"instId\":"
                + "\"BTC-USDT-SWAP\",\"side\":\"sell\",\"sz\":\"0.5\",\"px\":\"42000.1\",\"source\":\"0\","
                + "\"tradeId\":\"242720721\",\"ts\":\"1654161646974\"},{\"instId\":\"BTC-USDT-SWAP\",\"side\":"
                + "\"buy\",\"sz\":\"2\",\"px\":\"42000\",\"source\":\"0\",\"tradeId\":\"242720720\","
                + "\"ts\":\"1654161641568\"}]}", "BTC-USDT-SWAP");
        assertThat(trades).containsExactly(
                new OkxTrade("BTC-USDT-SWAP", "242720721", OkxTrade.Side.SELL, 1,
                        Instant.ofEpochMilli(1654161646974L), 42000.1, 0.5),
                new OkxTrade("BTC-USDT-SWAP", "242720720", OkxTrade.Side.BUY, 1,
                        Instant.ofEpochMilli(1654161641568L), 42000, 2));
        assertThatThrownBy(() -> parser.restTrades("{\"code\":\"51001\",\"msg\":\"Instrument ID does not "
                + "exist\",\"data\":[]}", "NOPE-USDT"))
                .isInstanceOf(OkxFrameException.class)
                .satisfies(e -> assertThat(((OkxFrameException) e).problem())
                        .isEqualTo("OKX answered code 51001: Instrument ID does not exist"));
        assertThatThrownBy(() -> parser.restTrades("{\"code\":\"0\",\"data\":[{\"instId\":\"ETH-USDT\","
                + "\"side\":\"buy\",\"sz\":\"1\",\"px\":\"1\",\"tradeId\":\"1\",\"ts\":\"1654161641568\"}]}",
                "BTC-USDT"))
                .satisfies(e -> assertThat(((OkxFrameException) e).problem())
                        .isEqualTo("trades data[0].instId: 'ETH-USDT' is not the channel's instrument 'BTC-USDT'"));
    }

    @Test
    void errorsNoticesAndOtherEvents() {
        assertThat(parser.parse("{\"event\":\"error\",\"code\":\"60012\",\"msg\":\"Invalid request: {\\\"op\\\": "
                + "\\\"subscribe\\\"}\",\"connId\":\"a4d3ae55\"}"))
                .isEqualTo(new OkxEvent.ServerError("60012", "Invalid request: {\"op\": \"subscribe\"}", "a4d3ae55"));
        assertThat(parser.parse("{\"event\":\"error\",\"msg\":\"channel:tickers,instId:LTC-USD doesn't exist\","
                + "\"code\":\"60018\"}"))
                .isEqualTo(new OkxEvent.ServerError("60018", "channel:tickers,instId:LTC-USD doesn't exist", ""));
        assertThat(parser.parse("{\"event\":\"notice\",\"code\":\"64008\",\"msg\":\"The connection will soon be "
                + "closed for a service upgrade. Please reconnect.\",\"connId\":\"a4d3ae55\"}"))
                .isEqualTo(new OkxEvent.Notice("64008", "The connection will soon be closed for a service upgrade. "
                        + "Please reconnect.", "a4d3ae55"));
        assertThat(parser.parse("{\"event\":\"channel-conn-count\",\"channel\":\"orders\",\"connCount\":\"2\","
                + "\"connId\":\"abcd1234\"}")).isEqualTo(new OkxEvent.OtherEvent("channel-conn-count", "abcd1234"));
    }

    @Test
    void tradesAsOkxDocumentsThem() {
        OkxEvent event = parser.parse("{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{"
                + "\"instId\":\"BTC-USDT-SWAP\",\"tradeId\":\"130639474\",\"px\":\"42219.9\",\"sz\":\"0.12060306\","
                + "\"side\":\"buy\",\"ts\":\"1630048897897\",\"count\":\"3\",\"source\":\"0\",\"seqId\":1234},"
                + "{\"instId\":\"BTC-USDT-SWAP\",\"tradeId\":\"130639475\",\"px\":\"42219.8\",\"sz\":\"2\","
                + "\"side\":\"sell\",\"ts\":\"1630048897900\"}]}");
        assertThat(event).isEqualTo(new OkxEvent.Trades(BTC_TRADES, List.of(
                new OkxTrade("BTC-USDT-SWAP", "130639474", OkxTrade.Side.BUY, 3,
                        Instant.ofEpochMilli(1630048897897L), 42219.9, 0.12060306),
                new OkxTrade("BTC-USDT-SWAP", "130639475", OkxTrade.Side.SELL, 1,
                        Instant.ofEpochMilli(1630048897900L), 42219.8, 2))));
    }

    @Test
    void tickersAsOkxDocumentsThemWithAnEmptyBookBeforeTheOpen() {
        OkxArg arg = new OkxArg("tickers", "BTC-USDT");
        assertThat(parser.parse("{\"arg\":{\"channel\":\"tickers\",\"instId\":\"BTC-USDT\"},\"data\":[{\"instType\":"
                + "\"SPOT\",\"instId\":\"BTC-USDT\",\"last\":\"9999.99\",\"lastSz\":\"0.1\",\"askPx\":\"9999.99\","
                + "\"askSz\":\"11\",\"bidPx\":\"8888.88\",\"bidSz\":\"5\",\"open24h\":\"9000\",\"high24h\":\"10000\","
                + "\"low24h\":\"8888.88\",\"volCcy24h\":\"2222\",\"vol24h\":\"2222\",\"sodUtc0\":\"2222\","
                + "\"sodUtc8\":\"2222\",\"ts\":\"1597026383085\"}]}"))
                .isEqualTo(new OkxEvent.Tickers(arg, List.of(new OkxTicker("BTC-USDT",
                        Instant.ofEpochMilli(1597026383085L), 9999.99, 0.1, 8888.88, 5, 9999.99, 11))));
        OkxEvent.Tickers preOpen = (OkxEvent.Tickers) parser.parse("{\"arg\":{\"channel\":\"tickers\",\"instId\":"
                + "\"BTC-USDT\"},\"data\":[{\"instId\":\"BTC-USDT\",\"last\":\"9999.99\",\"lastSz\":\"0\",\"askPx\":"
                + "\"\",\"askSz\":\"\",\"bidPx\":\"\",\"bidSz\":\"\",\"ts\":\"1597026383085\"}]}");
        assertThat(preOpen.tickers().get(0).bidPrice()).isNaN();
        assertThat(preOpen.tickers().get(0).askSize()).isNaN();
    }

    @Test
    void books5AsOkxDocumentsThem() {
        OkxArg arg = new OkxArg("books5", "BCH-USDT-SWAP");
        assertThat(parser.parse("{\"arg\":{\"channel\":\"books5\",\"instId\":\"BCH-USDT-SWAP\"},\"data\":[{\"asks\":["
                + "[\"111.06\",\"55154\",\"0\",\"2\"],[\"111.07\",\"53276\",\"0\",\"2\"]],\"bids\":[[\"111.05\","
                + "\"57745\",\"0\",\"2\"],[\"111.04\",\"57109\",\"0\",\"1\"]],\"instId\":\"BCH-USDT-SWAP\",\"ts\":"
                + "\"1670324386802\",\"seqId\":363996337}]}"))
                .isEqualTo(new OkxEvent.Books(arg, List.of(new OkxBook("BCH-USDT-SWAP",
                        Instant.ofEpochMilli(1670324386802L),
                        List.of(new OkxBook.Level(111.06, 55154, 2), new OkxBook.Level(111.07, 53276, 2)),
                        List.of(new OkxBook.Level(111.05, 57745, 2), new OkxBook.Level(111.04, 57109, 1)),
                        363996337L))));
    }

    @Test
    void candlesAsOkxDocumentsThem() {
        OkxArg arg = new OkxArg("candle1D", "BTC-USDT");
        assertThat(parser.parse("{\"arg\":{\"channel\":\"candle1D\",\"instId\":\"BTC-USDT\"},\"data\":[[\"1597026383085"
                + "\",\"8533.02\",\"8553.74\",\"8527.17\",\"8548.26\",\"45247\",\"529.5858061\",\"5529.5858061\","
                + "\"0\"]]}"))
                .isEqualTo(new OkxEvent.Candles(arg, List.of(new OkxCandle(Instant.ofEpochMilli(1597026383085L),
                        8533.02, 8553.74, 8527.17, 8548.26, 45247, 529.5858061, 5529.5858061, false))));
    }

    @Test
    void numbersAreAcceptedAsJsonNumbersToo() {
        OkxEvent.Trades t = (OkxEvent.Trades) parser.parse("{\"arg\":{\"channel\":\"trades\",\"instId\":"
                + "\"BTC-USDT-SWAP\"},\"data\":[{\"tradeId\":\"1\",\"px\":42219.9,\"sz\":1,\"side\":\"buy\","
                + "\"ts\":1630048897897}]}");
        assertThat(t.trades().get(0)).isEqualTo(new OkxTrade("BTC-USDT-SWAP", "1", OkxTrade.Side.BUY, 1,
                Instant.ofEpochMilli(1630048897897L), 42219.9, 1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            empty                | ``                                                        | an empty frame
            array                | [1,2]                                                     | expected a JSON object, got array [1,2]
            neither              | {"op":"x"}                                                | neither an event (no 'event') nor pushed data (no 'arg' and 'data')
            no arg on ack        | {"event":"subscribe","connId":"1"}                        | 'arg' should be an object with 'channel' and 'instId', got nothing
            arg without instId   | {"event":"subscribe","arg":{"channel":"trades"}}          | arg.instId is missing
            error without code   | {"event":"error","msg":"boom"}                            | 'code' is missing
            data not an array    | {"arg":{"channel":"trades","instId":"A"},"data":{}}       | 'data' should be an array, got object {}
            unknown channel      | {"arg":{"channel":"funding-rate","instId":"A"},"data":[]} | data of channel 'funding-rate', which this client neither subscribes to nor reads
            candle of a bad bar  | {"arg":{"channel":"candle7m","instId":"A"},"data":[]}     | data of channel 'candle7m', which this client neither subscribes to nor reads
            """)
    void badFramesAreNamed(String name, String frame, String problem) {
        String text = frame == null ? "" : frame;
        assertThatThrownBy(() -> parser.parse(text))
                .isInstanceOf(OkxFrameException.class)
                .satisfies(e -> assertThat(((OkxFrameException) e).problem()).isEqualTo(problem))
                .satisfies(e -> assertThat(((OkxFrameException) e).frame()).isEqualTo(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            price not a number   | "px":"abc","sz":"1","side":"buy","ts":"1630048897897"        | trades data[0].px: expected a decimal number, got string "abc"
            price NaN            | "px":"NaN","sz":"1","side":"buy","ts":"1630048897897"        | trades data[0].px: expected a decimal number, got string "NaN"
            price empty          | "px":"","sz":"1","side":"buy","ts":"1630048897897"           | trades data[0].px: expected a non-empty string, got string ""
            price zero           | "px":"0","sz":"1","side":"buy","ts":"1630048897897"          | trades data[0]: trade price must be positive and finite, got 0.0
            size negative        | "px":"1","sz":"-2","side":"buy","ts":"1630048897897"         | trades data[0]: trade amount must be >= 0 and finite, got -2.0
            side unknown         | "px":"1","sz":"1","side":"long","ts":"1630048897897"         | trades data[0].side: expected 'buy' or 'sell', got 'long'
            time missing         | "px":"1","sz":"1","side":"buy"                               | trades data[0].ts is missing
            time not millis      | "px":"1","sz":"1","side":"buy","ts":"2021-08-27"             | trades data[0].ts: expected a whole number, got string "2021-08-27"
            count zero           | "px":"1","sz":"1","side":"buy","ts":"1630048897897","count":"0" | trades data[0].count: expected at least 1, got 0
            other instrument     | "px":"1","sz":"1","side":"buy","ts":"1630048897897","instId":"ETH-USDT" | trades data[0].instId: 'ETH-USDT' is not the channel's instrument 'BTC-USDT-SWAP'
            """)
    void badTradesAreNamedByFieldAndPosition(String name, String fields, String problem) {
        String frame = "{\"arg\":{\"channel\":\"trades\",\"instId\":\"BTC-USDT-SWAP\"},\"data\":[{\"tradeId\":\"1\","
                + fields + "}]}";
        assertThatThrownBy(() -> parser.parse(frame))
                .isInstanceOf(OkxFrameException.class)
                .hasMessage(problem + " in OKX frame '" + frame + "'");
    }

    @Test
    void badCandlesAndBooksAreNamed() {
        assertThatThrownBy(() -> parser.parse("{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"A\"},\"data\":"
                + "[[\"1597026383085\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"]]}"))
                .hasMessageStartingWith("candle1m data[0]: expected [ts,o,h,l,c,vol,volCcy,volCcyQuote,confirm], got "
                        + "array [\"1597026383085\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\"] in OKX frame");
        assertThatThrownBy(() -> parser.parse("{\"arg\":{\"channel\":\"candle1m\",\"instId\":\"A\"},\"data\":"
                + "[[\"1597026383085\",\"1\",\"2\",\"0.5\",\"1.5\",\"10\",\"10\",\"10\",\"yes\"]]}"))
                .hasMessageStartingWith("candle1m data[0][8] (confirm): expected \"0\" or \"1\", got \"yes\" in OKX");
        assertThatThrownBy(() -> parser.parse("{\"arg\":{\"channel\":\"books5\",\"instId\":\"A\"},\"data\":"
                + "[{\"asks\":[[\"1\"]],\"bids\":[],\"ts\":\"1670324386802\"}]}"))
                .hasMessageStartingWith("books5 data[0].asks[0]: expected [price, size, \"0\", orders], got "
                        + "array [\"1\"] in OKX frame");
        assertThatThrownBy(() -> parser.parse("{\"arg\":{\"channel\":\"books5\",\"instId\":\"A\"},\"data\":"
                + "[{\"asks\":[],\"ts\":\"1670324386802\"}]}"))
                .hasMessageStartingWith("books5 data[0].bids: expected an array of levels, got nothing in OKX frame");
    }

    @Test
    void trailingGarbageAndBrokenJsonAreNotJson() {
        assertThatThrownBy(() -> parser.parse("{\"event\":\"subscribe\"} trailing"))
                .isInstanceOf(OkxFrameException.class)
                .hasMessageStartingWith("not JSON (");
        assertThatThrownBy(() -> parser.parse("{\"arg\":"))
                .isInstanceOf(OkxFrameException.class)
                .hasMessageStartingWith("not JSON (");
    }

    @Test
    void aLongBadFrameIsShownCut() {
        String frame = "x".repeat(500);
        assertThatThrownBy(() -> parser.parse(frame))
                .hasMessageEndingWith("in OKX frame '" + "x".repeat(200) + "...' (500 characters)");
    }
}
