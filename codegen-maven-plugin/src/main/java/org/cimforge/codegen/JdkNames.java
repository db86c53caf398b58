package org.cimforge.codegen;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public top-level types of {@code java.lang} and {@code java.util} in Java 17, written out rather than read
 * from the running JDK so that generated names do not depend on which JDK runs the generator.
 */
final class JdkNames {
    /** Implicitly imported into every file: a generated type of this name breaks {@code System.out} after a wildcard import. */
    static final Set<String> JAVA_LANG = Set.of(("AbstractMethodError Appendable ArithmeticException "
            + "ArrayIndexOutOfBoundsException ArrayStoreException AssertionError AutoCloseable Boolean "
            + "BootstrapMethodError Byte CharSequence Character Class ClassCastException ClassCircularityError "
            + "ClassFormatError ClassLoader ClassNotFoundException ClassValue CloneNotSupportedException Cloneable "
            + "Comparable Compiler Deprecated Double Enum EnumConstantNotPresentException Error Exception "
            + "ExceptionInInitializerError Float FunctionalInterface IllegalAccessError IllegalAccessException "
            + "IllegalArgumentException IllegalCallerException IllegalMonitorStateException IllegalStateException "
            + "IllegalThreadStateException IncompatibleClassChangeError IndexOutOfBoundsException "
            + "InheritableThreadLocal InstantiationError InstantiationException Integer InternalError "
            + "InterruptedException Iterable LayerInstantiationException LinkageError Long Math Module ModuleLayer "
            + "NegativeArraySizeException NoClassDefFoundError NoSuchFieldError NoSuchFieldException "
            + "NoSuchMethodError NoSuchMethodException NullPointerException Number NumberFormatException Object "
            + "OutOfMemoryError Override Package Process ProcessBuilder ProcessHandle Readable Record "
            + "ReflectiveOperationException Runnable Runtime RuntimeException RuntimePermission SafeVarargs "
            + "SecurityException SecurityManager Short StackOverflowError StackTraceElement StackWalker StrictMath "
            + "String StringBuffer StringBuilder StringIndexOutOfBoundsException SuppressWarnings System Thread "
            + "ThreadDeath ThreadGroup ThreadLocal Throwable TypeNotPresentException UnknownError "
            + "UnsatisfiedLinkError UnsupportedClassVersionError UnsupportedOperationException VerifyError "
            + "VirtualMachineError Void").split(" "));

    /** The package most often imported whole next to generated packages ({@code Collection}, {@code Date}, {@code Timer}). */
    static final Set<String> JAVA_UTIL = Set.of(("AbstractCollection AbstractList AbstractMap AbstractQueue "
            + "AbstractSequentialList AbstractSet ArrayDeque ArrayList Arrays Base64 BitSet Calendar Collection "
            + "Collections Comparator ConcurrentModificationException Currency Date Deque Dictionary "
            + "DoubleSummaryStatistics DuplicateFormatFlagsException EmptyStackException EnumMap EnumSet Enumeration "
            + "EventListener EventListenerProxy EventObject FormatFlagsConversionMismatchException Formattable "
            + "FormattableFlags Formatter FormatterClosedException GregorianCalendar HashMap HashSet Hashtable "
            + "HexFormat IdentityHashMap IllegalFormatCodePointException IllegalFormatConversionException "
            + "IllegalFormatException IllegalFormatFlagsException IllegalFormatPrecisionException "
            + "IllegalFormatWidthException IllformedLocaleException InputMismatchException IntSummaryStatistics "
            + "InvalidPropertiesFormatException Iterator LinkedHashMap LinkedHashSet LinkedList List ListIterator "
            + "ListResourceBundle Locale LongSummaryStatistics Map MissingFormatArgumentException "
            + "MissingFormatWidthException MissingResourceException NavigableMap NavigableSet NoSuchElementException "
            + "Objects Observable Observer Optional OptionalDouble OptionalInt OptionalLong PrimitiveIterator "
            + "PriorityQueue Properties PropertyPermission PropertyResourceBundle Queue Random RandomAccess "
            + "ResourceBundle Scanner ServiceConfigurationError ServiceLoader Set SimpleTimeZone SortedMap SortedSet "
            + "Spliterator Spliterators SplittableRandom Stack StringJoiner StringTokenizer TimeZone Timer TimerTask "
            + "TooManyListenersException TreeMap TreeSet UUID UnknownFormatConversionException "
            + "UnknownFormatFlagsException Vector WeakHashMap").split(" "));

    /** Both lists in lower case: type names are compared ignoring case, as file systems may. */
    private static final Set<String> LOWER_CASE = Stream.concat(JAVA_LANG.stream(), JAVA_UTIL.stream())
            .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private JdkNames() {
    }

    /** True when a simple name is a public type of java.lang or java.util (compared ignoring case, like file names). */
    static boolean clashes(String simpleName) {
        return LOWER_CASE.contains(simpleName.toLowerCase(Locale.ROOT));
    }
}
