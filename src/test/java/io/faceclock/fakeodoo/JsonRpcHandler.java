package io.faceclock.fakeodoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Odoo's legacy JSON-RPC endpoint, POST /jsonrpc, serving the same services as XML-RPC. */
final class JsonRpcHandler implements HttpHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeOdoo fake;
    private final RpcHandler rpc;

    JsonRpcHandler(FakeOdoo fake, RpcHandler rpc) {
        this.fake = fake;
        this.rpc = rpc;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Map<String, Object> request = JSON.readValue(ex.getRequestBody().readAllBytes(), Map.class);
            Map<String, Object> params = (Map<String, Object>) request.get("params");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("jsonrpc", "2.0");
            out.put("id", request.get("id"));
            try {
                List<Object> args = (List<Object>) params.getOrDefault("args", List.of());
                out.put("result", rpc.dispatch((String) params.get("service"),
                        new XmlRpcWire.Call((String) params.get("method"), args)));
            } catch (Fault f) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("name", f.code == 1 ? (f.pyType.contains(".") ? f.pyType : "builtins." + f.pyType)
                        : "odoo.exceptions." + f.odooType);
                data.put("debug", f.faultString());
                data.put("message", f.getMessage());
                data.put("arguments", List.of(f.getMessage()));
                data.put("context", Map.of());
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", 200);
                error.put("message", "Odoo Server Error");
                error.put("data", data);
                out.put("error", error);
            }
            RpcHandler.send(ex, 200, "application/json; charset=utf-8",
                    PyJson.dumps(out).getBytes(StandardCharsets.UTF_8));
        }
    }
}
