package io.sparkmlp.util;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The one Jackson setup every file of sparkmlp is read and written with: run configurations
 * (YAML), {@code model.json}, {@code training.json}, {@code preprocessing.json}. Records bind
 * directly; their compact constructors default absent keys and check ranges.
 *
 * <ul>
 *   <li>names are snake_case ({@code batchSize} is {@code batch_size});
 *   <li>an unknown key and a key written twice are errors;
 *   <li>no coercion surprises: {@code 3.5} is not an integer, {@code 1} is not a boolean, a
 *       boolean is not a number. A quoted number ({@code "3"}, {@code '1e-3'}) is still a
 *       number, because YAML 1.1 reads {@code 1e-3} as a string; {@code "true"} is a boolean,
 *       {@code yes} and {@code no} are strings.
 * </ul>
 *
 * <p>The mappers are shared: configure nothing on them.
 */
public final class Json {
  private static final ObjectMapper JSON = configure(JsonMapper.builder(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build());
  private static final ObjectMapper YAML = configure(new ObjectMapper(YAMLFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      // yes/no/on/off are strings ("label: no" names a column); booleans are true and false.
      .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.USE_NATIVE_TYPE_ID)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      // A string such as "5" (a column name) must come back a string, not a number.
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build()));

  private Json() {}

  /** The JSON mapper: model.json, training.json, preprocessing.json. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** The YAML mapper: run configurations. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  private static ObjectMapper configure(ObjectMapper m) {
    m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    for (LogicalType t : new LogicalType[] {LogicalType.Integer, LogicalType.Float}) {
      m.coercionConfigFor(t).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
    m.coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return m;
  }
}
