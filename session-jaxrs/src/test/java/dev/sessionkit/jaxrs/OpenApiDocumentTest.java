package dev.sessionkit.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Keeps the shipped OpenAPI document true: every operation and parameter matches the resources, and vice versa. */
class OpenApiDocumentTest {

    private final JsonNode document = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(new OpenApiResource().document());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void documentsExactlyTheOperationsTheResourcesServe() {
        assertEquals(operationsOfResources().keySet(), operationsOfDocument().keySet());
    }

    @Test
    void documentsExactlyTheParametersEachOperationTakes() {
        Map<String, TreeSet<String>> documented = operationsOfDocument();
        operationsOfResources().forEach((operation, parameters) ->
                assertEquals(parameters, documented.get(operation), operation));
    }

    @Test
    void isOpenApi3() {
        assertTrue(document.get("openapi").asText().startsWith("3."));
    }

    private Map<String, TreeSet<String>> operationsOfDocument() {
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                TreeSet<String> parameters = new TreeSet<>();
                JsonNode declared = op.getValue().get("parameters");
                if (declared != null) {
                    declared.forEach(p -> parameters.add(p.get("in").asText() + ":" + p.get("name").asText()));
                }
                operations.put(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), parameters);
            });
        }
        return operations;
    }

    private static Map<String, TreeSet<String>> operationsOfResources() {
        Map<String, TreeSet<String>> operations = new TreeMap<>();
        for (Class<?> type : SessionkitFeature.CLASSES) {
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = "/" + root.value() + (sub == null ? "" : "/" + sub.value());
                TreeSet<String> parameters = new TreeSet<>();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.getAnnotation(QueryParam.class) != null) {
                        parameters.add("query:" + parameter.getAnnotation(QueryParam.class).value());
                    }
                    if (parameter.getAnnotation(PathParam.class) != null) {
                        parameters.add("path:" + parameter.getAnnotation(PathParam.class).value());
                    }
                }
                operations.put(verb + " " + path, parameters);
            }
        }
        return operations;
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        return null;
    }
}
