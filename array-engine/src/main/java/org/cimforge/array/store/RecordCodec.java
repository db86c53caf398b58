package org.cimforge.array.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the engine's records into compact bytes for one store row and back. The layout follows the record's
 * components in declaration order; enums are written by name so reordering constants cannot corrupt old rows.
 * Adding, removing or reordering components changes the layout, which is why {@link #FORMAT} is checked on open.
 */
public final class RecordCodec {

  /** Bumped whenever any persisted record's components change. */
  public static final int FORMAT = 1;

  private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

  private RecordCodec() {
  }

  /** Encodes a record. */
  public static byte[] encode(Record value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeRecord(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes bytes made by {@link #encode} for a record of {@code type}. */
  public static <R> R decode(Class<R> type, byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      return type.cast(readRecord(in, type));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRecord(DataOutputStream out, Record value) throws IOException {
    Shape shape = shape(value.getClass());
    for (int i = 0; i < shape.accessors.length; i++) {
      Object field;
      try {
        field = shape.accessors[i].invoke(value);
      } catch (Throwable t) {
        throw new IllegalStateException("cannot read " + shape.components[i], t);
      }
      writeValue(out, shape.types[i], field);
    }
  }

  private static Record readRecord(DataInputStream in, Class<?> type) throws IOException {
    Shape shape = shape(type);
    Object[] args = new Object[shape.types.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = readValue(in, shape.types[i]);
    }
    try {
      return (Record) shape.constructor.invokeWithArguments(args);
    } catch (Throwable t) {
      throw new IllegalStateException("cannot rebuild " + type.getSimpleName(), t);
    }
  }

  private static void writeValue(DataOutputStream out, Type type, Object value) throws IOException {
    if (type == int.class) {
      out.writeInt((Integer) value);
      return;
    }
    if (type == long.class) {
      out.writeLong((Long) value);
      return;
    }
    if (type == double.class) {
      out.writeDouble((Double) value);
      return;
    }
    if (type == boolean.class) {
      out.writeBoolean((Boolean) value);
      return;
    }
    // Reference types may be null: a presence byte first.
    out.writeBoolean(value != null);
    if (value == null) {
      return;
    }
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      out.writeUTF((String) value);
    } else if (raw == Integer.class) {
      out.writeInt((Integer) value);
    } else if (raw == Long.class) {
      out.writeLong((Long) value);
    } else if (raw == Instant.class) {
      out.writeLong(((Instant) value).toEpochMilli());
    } else if (raw == Duration.class) {
      out.writeLong(((Duration) value).toMillis());
    } else if (raw.isEnum()) {
      out.writeUTF(((Enum<?>) value).name());
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      List<?> list = (List<?>) value;
      out.writeInt(list.size());
      for (Object item : list) {
        writeValue(out, element, item);
      }
    } else if (raw.isRecord()) {
      writeRecord(out, (Record) value);
    } else {
      throw new IllegalArgumentException("unsupported component type " + type);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object readValue(DataInputStream in, Type type) throws IOException {
    if (type == int.class) {
      return in.readInt();
    }
    if (type == long.class) {
      return in.readLong();
    }
    if (type == double.class) {
      return in.readDouble();
    }
    if (type == boolean.class) {
      return in.readBoolean();
    }
    if (!in.readBoolean()) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (raw == String.class) {
      return in.readUTF();
    } else if (raw == Integer.class) {
      return in.readInt();
    } else if (raw == Long.class) {
      return in.readLong();
    } else if (raw == Instant.class) {
      return Instant.ofEpochMilli(in.readLong());
    } else if (raw == Duration.class) {
      return Duration.ofMillis(in.readLong());
    } else if (raw.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) raw, in.readUTF());
    } else if (raw == List.class) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      int size = in.readInt();
      List<Object> list = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        list.add(readValue(in, element));
      }
      return list;
    } else if (raw.isRecord()) {
      return readRecord(in, raw);
    }
    throw new IllegalArgumentException("unsupported component type " + type);
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static Shape shape(Class<?> type) {
    return SHAPES.computeIfAbsent(type, Shape::of);
  }

  /** Cached reflection data of one record class. */
  private record Shape(RecordComponent[] components, Type[] types, MethodHandle[] accessors,
      MethodHandle constructor) {

    static Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Type[] types = new Type[components.length];
      Class<?>[] raw = new Class<?>[components.length];
      MethodHandle[] accessors = new MethodHandle[components.length];
      MethodHandles.Lookup lookup = MethodHandles.publicLookup();
      try {
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getGenericType();
          raw[i] = components[i].getType();
          accessors[i] = lookup.unreflect(components[i].getAccessor());
        }
        MethodHandle constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(raw));
        return new Shape(components, types, accessors, constructor);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("record " + type + " is not codec-friendly", e);
      }
    }
  }
}
