package org.cimforge.runtime.query;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.cimforge.runtime.query.Condition.Operand;
import org.cimforge.runtime.query.Condition.Operator;
import org.metricshub.wbem.javax.cim.CIMDateTime;
import org.metricshub.wbem.javax.cim.CIMDateTimeAbsolute;
import org.metricshub.wbem.javax.cim.CIMDateTimeInterval;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;

/**
 * Evaluates a condition against one instance in three-valued logic: TRUE, FALSE, or null for UNKNOWN (a comparison
 * that involves NULL, a missing property, or values of kinds that do not compare).
 */
final class Evaluator {
    private final Query query;
    private final ClassHierarchy hierarchy;

    Evaluator(Query query, ClassHierarchy hierarchy) {
        this.query = query;
        this.hierarchy = hierarchy;
    }

    Boolean test(Condition c, CIMInstance instance) {
        if (c instanceof Condition.And a) {
            return and(test(a.left(), instance), test(a.right(), instance));
        }
        if (c instanceof Condition.Or o) {
            return or(test(o.left(), instance), test(o.right(), instance));
        }
        if (c instanceof Condition.Not n) {
            Boolean inner = test(n.inner(), instance);
            return inner == null ? null : !inner;
        }
        if (c instanceof Condition.IsNull n) {
            boolean isNull = value(n.operand(), instance) == null;
            return n.negated() != isNull;
        }
        if (c instanceof Condition.IsA i) {
            Object v = value(i.operand(), instance);
            return v instanceof CIMInstance embedded ? hierarchy.isA(embedded.getClassName(), i.className()) : null;
        }
        return compare((Condition.Comparison) c, instance);
    }

    private static Boolean and(Boolean a, Boolean b) {
        if (Boolean.FALSE.equals(a) || Boolean.FALSE.equals(b)) {
            return false;
        }
        return a == null || b == null ? null : true;
    }

    private static Boolean or(Boolean a, Boolean b) {
        if (Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b)) {
            return true;
        }
        return a == null || b == null ? null : false;
    }

    private Boolean compare(Condition.Comparison cmp, CIMInstance instance) {
        Object left = value(cmp.left(), instance);
        Object right = value(cmp.right(), instance);
        boolean leftArray = cmp.left() instanceof Condition.Property l && l.path().allElements();
        if (cmp.quantifier() == Condition.Quantifier.NONE) {
            // WQL habit: "x = NULL" asks whether x is NULL.
            if (isNullLiteral(cmp.right()) || isNullLiteral(cmp.left())) {
                Object other = isNullLiteral(cmp.right()) ? left : right;
                return switch (cmp.operator()) {
                    case EQ -> other == null;
                    case NE -> other != null;
                    default -> null;
                };
            }
            return single(left, cmp.operator(), right);
        }
        Object array = leftArray ? left : right;
        Object scalar = leftArray ? right : left;
        if (array == null || !array.getClass().isArray()) {
            return null;
        }
        boolean any = cmp.quantifier() == Condition.Quantifier.ANY;
        Boolean result = any ? Boolean.FALSE : Boolean.TRUE;
        int n = Array.getLength(array);
        for (int k = 0; k < n; k++) {
            Object element = Array.get(array, k);
            Boolean r = leftArray ? single(element, cmp.operator(), scalar) : single(scalar, cmp.operator(), element);
            result = any ? or(result, r) : and(result, r);
        }
        return result;
    }

    private static boolean isNullLiteral(Operand o) {
        return o instanceof Condition.Literal l && l.value() == null;
    }

    /** Compares two single values; null when either is NULL or they are of kinds that do not compare. */
    static Boolean single(Object a, Operator op, Object b) {
        if (a == null || b == null || a.getClass().isArray() || b.getClass().isArray()) {
            return null;
        }
        Integer order = order(a, b);
        if (order == null) {
            if (op == Operator.EQ || op == Operator.NE) {
                Boolean same = sameUnordered(a, b);
                return same == null ? null : (op == Operator.EQ) == same;
            }
            return null;
        }
        int o = order;
        return switch (op) {
            case EQ -> o == 0;
            case NE -> o != 0;
            case LT -> o < 0;
            case GT -> o > 0;
            case LE -> o <= 0;
            case GE -> o >= 0;
        };
    }

    private static Integer order(Object a, Object b) {
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        // A number compared with a string that spells one compares as numbers.
        if (na != null && nb == null && b instanceof String s) {
            nb = parse(s);
        } else if (nb != null && na == null && a instanceof String s) {
            na = parse(s);
        }
        if (na != null && nb != null) {
            return na.compareTo(nb);
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return null;
        }
        String sa = text(a);
        String sb = text(b);
        if (sa != null && sb != null && !(a instanceof CIMObjectPath) && !(b instanceof CIMObjectPath)) {
            return sa.compareTo(sb);
        }
        return null;
    }

    private static Boolean sameUnordered(Object a, Object b) {
        if (a instanceof Boolean ba && b instanceof Boolean bb) {
            return ba.equals(bb);
        }
        if (a instanceof Boolean ba && b instanceof String s) {
            return s.equalsIgnoreCase(ba.toString());
        }
        if (b instanceof Boolean bb && a instanceof String s) {
            return s.equalsIgnoreCase(bb.toString());
        }
        if (a instanceof CIMObjectPath || b instanceof CIMObjectPath) {
            return String.valueOf(a).equalsIgnoreCase(String.valueOf(b));
        }
        return null;
    }

    /** Numbers of any JSR48 kind as BigDecimal; null for anything else. */
    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (v instanceof Number n) {
            // UnsignedInteger8..64, Byte, Short, Integer, Long: their decimal text is exact.
            return new BigDecimal(n.toString());
        }
        return null;
    }

    private static BigDecimal parse(String s) {
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof CIMDateTimeAbsolute d) {
            return d.getDateTimeString();
        }
        if (v instanceof CIMDateTimeInterval d) {
            return d.getDateTimeString();
        }
        if (v instanceof CIMDateTime d) {
            return d.toString();
        }
        return null;
    }

    private Object value(Operand operand, CIMInstance instance) {
        if (operand instanceof Condition.Literal l) {
            return l.value();
        }
        PropertyPath path = ((Condition.Property) operand).path();
        return resolve(query.segmentsOf(path), instance);
    }

    /** Walks a path into embedded instances; null when a step is missing or of another class than its scope. */
    private Object resolve(List<PropertyPath.Segment> segments, CIMInstance start) {
        Object current = start;
        for (PropertyPath.Segment s : segments) {
            if (!(current instanceof CIMInstance instance)) {
                return null;
            }
            if (s.scopeClass() != null && !hierarchy.isA(instance.getClassName(), s.scopeClass())) {
                return null;
            }
            CIMProperty<?> p = property(instance, s.property());
            if (p == null) {
                return null;
            }
            current = p.getValue();
            if (s.index() >= 0) {
                if (current == null || !current.getClass().isArray() || s.index() >= Array.getLength(current)) {
                    return null;
                }
                current = Array.get(current, s.index());
            }
        }
        return current;
    }

    private static CIMProperty<?> property(CIMInstance instance, String name) {
        CIMProperty<?> p = instance.getProperty(name);
        if (p != null) {
            return p;
        }
        for (CIMProperty<?> candidate : instance.getProperties()) {
            if (candidate.getName().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        return null;
    }
}
