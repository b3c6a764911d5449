package io.omega.exchange.okx;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The two OKX WebSocket endpoints of market data. Only the public one is configured
 * ({@code paper_trading.okx_ws_url}); the business one is the same URL with {@code /business} for {@code /public},
 * so that a demo-trading or regional host (and its query string, e.g. {@code ?brokerId=9999}) carries over to both.
 */
public record OkxEndpoints(URI publicUri, URI businessUri) {

    private static final String PUBLIC = "/public";
    private static final String BUSINESS = "/business";

    public OkxEndpoints {
        requireWebSocket(publicUri, "public");
        requireWebSocket(businessUri, "business");
    }

    /** Both endpoints from the public one, e.g. {@code wss://ws.okx.com:8443/ws/v5/public}. */
    public static OkxEndpoints fromPublic(String publicUrl) {
        if (publicUrl == null || publicUrl.isBlank()) {
            throw new IllegalArgumentException("the OKX public WebSocket URL is missing");
        }
        URI uri;
        try {
            uri = new URI(publicUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the OKX public WebSocket URL '" + publicUrl + "' is not a URI: "
                    + e.getMessage(), e);
        }
        requireWebSocket(uri, "public");
        String path = uri.getPath();
        if (path == null || !path.endsWith(PUBLIC)) {
            throw new IllegalArgumentException("cannot derive OKX's business endpoint from '" + publicUrl
                    + "': its path should end in " + PUBLIC + " (as in wss://ws.okx.com:8443/ws/v5/public)");
        }
        String business = path.substring(0, path.length() - PUBLIC.length()) + BUSINESS;
        try {
            return new OkxEndpoints(uri, new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), uri.getPort(),
                    business, uri.getQuery(), uri.getFragment()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot derive OKX's business endpoint from '" + publicUrl + "': "
                    + e.getMessage(), e);
        }
    }

    /** Where OKX serves this channel. */
    public URI forChannel(String channel) {
        return OkxChannels.onBusinessEndpoint(channel) ? businessUri : publicUri;
    }

    private static void requireWebSocket(URI uri, String which) {
        if (uri == null) {
            throw new IllegalArgumentException("the OKX " + which + " WebSocket URL is missing");
        }
        if (!"ws".equalsIgnoreCase(uri.getScheme()) && !"wss".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the OKX " + which + " WebSocket URL must be ws:// or wss://, got '"
                    + uri + "'");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the OKX " + which + " WebSocket URL '" + uri + "' has no host");
        }
    }
}
