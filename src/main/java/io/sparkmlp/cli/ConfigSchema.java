package io.sparkmlp.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of each configuration section, read once from the {@link Key} annotations on the
 * section records' components. What a key holds follows from the component's Java type
 * ({@link Kind}); what it is called, its default and its limits from the annotation.
 */
final class ConfigSchema {
  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  private ConfigSchema() {}

  /** What a key holds, decided by the Java type of its record component. */
  enum Kind {
    INTEGER("integer"),
    LONG("integer"),
    NUMBER("number"),
    BOOLEAN("boolean"),
    STRING("string"),
    ENUM("string"),
    STRING_LIST("list of strings"),
    SECTION("section"),
    SECTION_LIST("list of sections"),
    OPTIMIZER("name or section");

    private final String shown;

    Kind(String shown) {
      this.shown = shown;
    }

    /** The type as the reference shows it. */
    String shown() {
      return shown;
    }
  }

  /**
   * One key of a section.
   *
   * @param type for sections and lists of sections the record (or sealed interface) type, for
   *     enums the enum, otherwise the component's type
   */
  record Field(String name, Key key, RecordComponent component, Kind kind, Class<?> type) {
    boolean required() {
      return Key.REQUIRED.equals(key.defaultValue());
    }

    /** This key's value in a section record. */
    Object get(Record section) {
      try {
        return component.getAccessor().invoke(section);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name + " of " + section, e);
      }
    }
  }

  /** The keys of a section record, in declaration order. */
  static List<Field> fields(Class<?> recordType) {
    return FIELDS.computeIfAbsent(recordType, ConfigSchema::read);
  }

  /** The records a sealed section interface permits (the layer types), in declaration order. */
  static List<Class<?>> variants(Class<?> sealedType) {
    return Arrays.asList(sealedType.getPermittedSubclasses());
  }

  /** The {@code type} value that selects a variant record. */
  static String variantName(Class<?> variant) {
    return variant.getAnnotation(Section.class).type();
  }

  /** Builds a section record from its values in {@link #fields} order. */
  static <T> T construct(Class<T> recordType, Object[] values) {
    Class<?>[] types = Arrays.stream(recordType.getRecordComponents())
        .map(RecordComponent::getType).toArray(Class<?>[]::new);
    try {
      Constructor<T> c = recordType.getDeclaredConstructor(types);
      return c.newInstance(values);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot build " + recordType.getSimpleName(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + recordType.getSimpleName(), e);
    }
  }

  private static List<Field> read(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalStateException(recordType + " is not a record");
    }
    List<Field> fields = new ArrayList<>();
    for (RecordComponent c : recordType.getRecordComponents()) {
      Key key = c.getAnnotation(Key.class);
      if (key == null) {
        throw new IllegalStateException(recordType.getSimpleName() + "." + c.getName()
            + " lacks a @Key annotation");
      }
      fields.add(field(key, c));
    }
    return List.copyOf(fields);
  }

  private static Field field(Key key, RecordComponent c) {
    Class<?> t = c.getType();
    if (t == int.class || t == Integer.class) {
      return new Field(key.name(), key, c, Kind.INTEGER, t);
    } else if (t == long.class || t == Long.class) {
      return new Field(key.name(), key, c, Kind.LONG, t);
    } else if (t == double.class || t == Double.class) {
      return new Field(key.name(), key, c, Kind.NUMBER, t);
    } else if (t == boolean.class || t == Boolean.class) {
      return new Field(key.name(), key, c, Kind.BOOLEAN, t);
    } else if (t == String.class) {
      return new Field(key.name(), key, c, Kind.STRING, t);
    } else if (t.isEnum()) {
      return new Field(key.name(), key, c, Kind.ENUM, t);
    } else if (t == OptimizerConfig.class) {
      return new Field(key.name(), key, c, Kind.OPTIMIZER, t);
    } else if (t.isRecord()) {
      return new Field(key.name(), key, c, Kind.SECTION, t);
    } else if (t == List.class) {
      Type arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
      if (arg == String.class) {
        return new Field(key.name(), key, c, Kind.STRING_LIST, String.class);
      }
      if (arg instanceof Class<?> e && (e.isRecord() || e.isSealed())) {
        return new Field(key.name(), key, c, Kind.SECTION_LIST, e);
      }
    }
    throw new IllegalStateException("no config kind for " + c.getGenericType() + " "
        + c.getName());
  }
}
