package org.cimforge.array.model;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An enum constant that stands for one entry of a CIM ValueMap, carrying its number and its Values string. */
public interface ValueMapped {

  /** The number the CIM ValueMap gives this constant. */
  int value();

  /** The Values string the CIM schema pairs with the number. */
  String label();

  /** Finds the constant of {@code type} whose value is {@code value}; the first one wins if several share it. */
  static <E extends Enum<E> & ValueMapped> Optional<E> lookup(Class<E> type, int value) {
    @SuppressWarnings("unchecked")
    Map<Integer, E> byValue = (Map<Integer, E>) Cache.TABLES.computeIfAbsent(type, t -> {
      Map<Integer, E> table = new ConcurrentHashMap<>();
      for (E constant : type.getEnumConstants()) {
        table.putIfAbsent(constant.value(), constant);
      }
      return table;
    });
    return Optional.ofNullable(byValue.get(value));
  }

  /** Holder so the lookup tables are built once per enum type. */
  final class Cache {
    private static final Map<Class<?>, Map<Integer, ?>> TABLES = new ConcurrentHashMap<>();

    private Cache() {
    }
  }
}
