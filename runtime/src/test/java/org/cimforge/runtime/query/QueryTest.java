package org.cimforge.runtime.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.metricshub.wbem.javax.cim.CIMDataType;
import org.metricshub.wbem.javax.cim.CIMInstance;
import org.metricshub.wbem.javax.cim.CIMObjectPath;
import org.metricshub.wbem.javax.cim.CIMProperty;
import org.metricshub.wbem.javax.cim.UnsignedInteger16;

/** Parsing and evaluation of the filter query subset, the five SMI-S job-control filters in particular. */
class QueryTest {
    static final String PROGRESS = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob AND "
            + "SourceInstance.CIM_ConcreteJob::PercentComplete <> PreviousInstance.CIM_ConcreteJob::PercentComplete";
    static final String COMPLETED_OK = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 2";
    static final String FAILED = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 17 "
            + "AND ANY SourceInstance.CIM_ConcreteJob::OperationalStatus[*] = 6";
    static final String STATE_CHANGE = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob "
            + "AND SourceInstance.CIM_ConcreteJob::JobState <> PreviousInstance.CIM_ConcreteJob::JobState";
    static final String CREATED = "SELECT * FROM CIM_InstCreation WHERE SourceInstance ISA CIM_ConcreteJob";

    /** CIM_ConcreteJob : CIM_Job; TST_Job : CIM_ConcreteJob; TST_JobModification : CIM_InstModification. */
    static final Map<String, String> PARENT = Map.of("tst_job", "CIM_ConcreteJob", "cim_concretejob", "CIM_Job",
            "tst_jobmodification", "CIM_InstModification", "cim_instmodification", "CIM_InstIndication",
            "cim_instcreation", "CIM_InstIndication", "cim_instindication", "CIM_Indication");
    static final ClassHierarchy HIERARCHY = (className, ancestor) -> {
        String c = className;
        while (c != null) {
            if (c.equalsIgnoreCase(ancestor)) {
                return true;
            }
            c = PARENT.get(c.toLowerCase(java.util.Locale.ROOT));
        }
        return false;
    };

    static CIMInstance job(String className, int state, int percent, int... status) {
        UnsignedInteger16[] ops = new UnsignedInteger16[status.length];
        for (int i = 0; i < status.length; i++) {
            ops[i] = new UnsignedInteger16(status[i]);
        }
        return new CIMInstance(new CIMObjectPath(null, null, null, "root/jobs", className, null), new CIMProperty<?>[] {
            new CIMProperty<>("InstanceID", CIMDataType.STRING_T, "J:1", true, false, null),
            new CIMProperty<>("JobState", CIMDataType.UINT16_T, new UnsignedInteger16(state)),
            new CIMProperty<>("PercentComplete", CIMDataType.UINT16_T, new UnsignedInteger16(percent)),
            new CIMProperty<>("OperationalStatus", CIMDataType.UINT16_ARRAY_T, ops),
            new CIMProperty<>("Name", CIMDataType.STRING_T, "Copy O'Brien")});
    }

    static CIMInstance modification(String className, CIMInstance previous, CIMInstance current) {
        List<CIMProperty<?>> props = new ArrayList<>();
        props.add(new CIMProperty<>("SourceInstance", CIMDataType.OBJECT_T, current));
        props.add(new CIMProperty<>("PreviousInstance", CIMDataType.OBJECT_T, previous));
        return new CIMInstance(new CIMObjectPath(null, null, null, null, className, null),
                props.toArray(new CIMProperty<?>[0]));
    }

    static CIMInstance creation(CIMInstance created) {
        return new CIMInstance(new CIMObjectPath(null, null, null, null, "CIM_InstCreation", null),
                new CIMProperty<?>[] {new CIMProperty<>("SourceInstance", CIMDataType.OBJECT_T, created)});
    }

    static boolean matches(String query, CIMInstance indication) throws QueryException {
        return Query.parse(query, QueryLanguage.CQL).matches(indication, HIERARCHY);
    }

    @Test
    void theFiveJobControlFiltersSelectExactlyTheirEvents() throws QueryException {
        CIMInstance queued = job("TST_Job", 2, 0, 15);
        CIMInstance running = job("TST_Job", 4, 40, 2);
        CIMInstance further = job("TST_Job", 4, 60, 2);
        CIMInstance done = job("TST_Job", 7, 100, 2, 17);
        CIMInstance failed = job("TST_Job", 10, 60, 6, 17);

        CIMInstance started = modification("CIM_InstModification", queued, running);
        CIMInstance progressed = modification("TST_JobModification", running, further);
        CIMInstance completed = modification("CIM_InstModification", further, done);
        CIMInstance broke = modification("CIM_InstModification", further, failed);
        CIMInstance created = creation(queued);

        assertThat(List.of(matches(PROGRESS, started), matches(PROGRESS, progressed), matches(PROGRESS, completed),
                matches(PROGRESS, broke), matches(PROGRESS, created))).containsExactly(true, true, true, false, false);
        assertThat(List.of(matches(COMPLETED_OK, started), matches(COMPLETED_OK, progressed),
                matches(COMPLETED_OK, completed), matches(COMPLETED_OK, broke), matches(COMPLETED_OK, created)))
                .containsExactly(false, false, true, false, false);
        assertThat(List.of(matches(FAILED, started), matches(FAILED, progressed), matches(FAILED, completed),
                matches(FAILED, broke), matches(FAILED, created))).containsExactly(false, false, false, true, false);
        assertThat(List.of(matches(STATE_CHANGE, started), matches(STATE_CHANGE, progressed),
                matches(STATE_CHANGE, completed), matches(STATE_CHANGE, broke), matches(STATE_CHANGE, created)))
                .containsExactly(true, false, true, true, false);
        assertThat(List.of(matches(CREATED, started), matches(CREATED, progressed), matches(CREATED, completed),
                matches(CREATED, broke), matches(CREATED, created))).containsExactly(false, false, false, false, true);
    }

    @Test
    void isaAndScopingUseTheHierarchy() throws QueryException {
        CIMInstance volume = new CIMInstance(new CIMObjectPath(null, null, null, "root/jobs", "TST_Volume", null),
                new CIMProperty<?>[] {new CIMProperty<>("PercentComplete", CIMDataType.UINT16_T,
                        new UnsignedInteger16(5))});
        CIMInstance volumeChanged = modification("CIM_InstModification",
                new CIMInstance(volume.getObjectPath(), new CIMProperty<?>[0]), volume);
        assertThat(matches(PROGRESS, volumeChanged)).isFalse();
        // Class::Property on an instance of another class is NULL, so the comparison is UNKNOWN, not TRUE.
        assertThat(matches("SELECT * FROM CIM_InstModification WHERE "
                + "SourceInstance.CIM_ConcreteJob::PercentComplete IS NULL", volumeChanged)).isTrue();
        assertThat(matches("SELECT * FROM CIM_InstModification WHERE SourceInstance.PercentComplete = 5",
                volumeChanged)).isTrue();
        assertThat(matches("SELECT * FROM CIM_Indication WHERE SourceInstance ISA CIM_Job",
                creation(job("TST_Job", 2, 0, 15)))).isTrue();
        assertThat(matches("SELECT * FROM CIM_InstModification", creation(job("TST_Job", 2, 0, 15)))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SourceInstance.JobState = 4 | true",
        "sourceinstance.jobstate = 4.0 | true",
        "SourceInstance.JobState <> 4 | false",
        "SourceInstance.JobState < 5 AND SourceInstance.JobState > 3 | true",
        "SourceInstance.JobState <= 3 OR SourceInstance.JobState >= 4 | true",
        "NOT (SourceInstance.JobState = 4) | false",
        "NOT SourceInstance.JobState = 4 OR SourceInstance.PercentComplete = 40 | true",
        "SourceInstance.JobState = 4 AND (SourceInstance.PercentComplete = 1 OR SourceInstance.PercentComplete = 40) "
            + "| true",
        "SourceInstance.Name = 'Copy O''Brien' | true",
        "SourceInstance.Name = \"Copy O'Brien\" | true",
        "SourceInstance.Name < 'D' | true",
        "SourceInstance.Missing IS NULL | true",
        "SourceInstance.Missing IS NOT NULL | false",
        "SourceInstance.Missing = 1 | false",
        "NOT SourceInstance.Missing = 1 | false",
        "SourceInstance.Missing = NULL | true",
        "SourceInstance.JobState = '4' | true",
        "SourceInstance.OperationalStatus[0] = 2 | true",
        "SourceInstance.OperationalStatus[5] IS NULL | true",
        "EVERY SourceInstance.OperationalStatus[*] = 2 | true",
        "ANY SourceInstance.OperationalStatus[*] = 17 | false",
        "SourceInstance.OperationalStatus[*] = 2 | true",
        "2 = ANY SourceInstance.OperationalStatus[*] | true",
        "SourceInstance.JobState = -4 | false",
        "SourceInstance.JobState = 0x4 | true",
        "SourceInstance.JobState = TRUE | false",
        "PreviousInstance IS NULL | true",
        "CIM_InstModification.SourceInstance.JobState = 4 | true",
    })
    void operatorsLiteralsAndNulls(String where, boolean expected) throws QueryException {
        CIMInstance indication = modification("CIM_InstModification", null, job("TST_Job", 4, 40, 2));
        assertThat(matches("select * from CIM_InstModification where " + where, indication)).isEqualTo(expected);
    }

    @Test
    void selectListProjectsTopLevelProperties() throws QueryException {
        Query q = Query.parse("SELECT SourceInstance.CIM_ConcreteJob::JobState, IndicationTime FROM "
                + "CIM_InstModification", QueryLanguage.WQL);
        CIMInstance projected = q.project(modification("CIM_InstModification", job("TST_Job", 2, 0, 15),
                job("TST_Job", 4, 40, 2)));
        assertThat(projected.getProperties()).extracting(CIMProperty::getName).containsExactly("SourceInstance");
        assertThat(q.select()).hasSize(2);
        assertThat(q.fromClass()).isEqualTo("CIM_InstModification");
        assertThat(q.language()).isEqualTo(QueryLanguage.WQL);
    }

    @Test
    void aliasesAreAccepted() throws QueryException {
        Query q = Query.parse("SELECT * FROM CIM_InstModification AS m WHERE m.SourceInstance.JobState = 4",
                QueryLanguage.CQL);
        assertThat(q.alias()).isEqualTo("m");
        assertThat(q.matches(modification("CIM_InstModification", null, job("TST_Job", 4, 40, 2)), HIERARCHY))
                .isTrue();
    }

    @Test
    void languagesByName() {
        assertThat(QueryLanguage.byName("wql")).isEqualTo(QueryLanguage.WQL);
        assertThat(QueryLanguage.byName("DMTF:CQL")).isEqualTo(QueryLanguage.CQL);
        assertThat(QueryLanguage.byName("CIM:CQL")).isEqualTo(QueryLanguage.CQL);
        assertThat(QueryLanguage.byName("SQL")).isNull();
        assertThat(QueryLanguage.byName(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | 1 | the query is empty",
        "SELEC * FROM X | 1 | expected SELECT but found 'SELEC'",
        "SELECT * X | 10 | expected FROM but found 'X'",
        "SELECT * FROM | 14 | expected a class name but found the end of the query",
        "SELECT * FROM X WHERE | 22 | expected a property or a literal but found the end of the query",
        "SELECT * FROM X WHERE A = | 26 | expected a property or a literal but found the end of the query",
        "SELECT * FROM X WHERE A == 1 | 26 | expected a property or a literal but found '='",
        "SELECT * FROM X WHERE A 1 | 25 | expected a comparison operator (=, <>, <, >, <=, >=), IS or ISA but found '1'",
        "SELECT * FROM X WHERE A = 'abc | 27 | string is not closed (missing ')",
        "SELECT * FROM X WHERE A = 1 B | 29 | expected AND, OR or the end of the query but found 'B'",
        "SELECT * FROM X WHERE (A = 1 | 29 | expected ')' but found the end of the query",
        "SELECT * FROM X WHERE A = # | 27 | unexpected character '#'",
        "SELECT * FROM X WHERE ANY A = 1 | 23 | ANY needs an array property written with [*]",
        "SELECT * FROM X WHERE A[*].B = 1 | 27 | [*] may only end a property path",
        "SELECT * FROM X WHERE A[x] = 1 | 25 | expected * or an array index but found 'x'",
        "SELECT * FROM X WHERE A IS 1 | 28 | expected NULL but found '1'",
        "SELECT * FROM X WHERE A ISA | 28 | expected a class name after ISA but found the end of the query",
        "SELECT * FROM X WHERE 1 IS NULL | 28 | IS NULL applies to a property, not a literal",
        "SELECT * FROM X WHERE A:: = 1 | 27 | expected a property name after :: but found '='",
        "SELECT * FROM X WHERE 12abc = 1 | 25 | a number may not run into a name",
    })
    void errorsNameTheColumn(String query, int column, String reason) {
        assertThatThrownBy(() -> Query.parse(query, QueryLanguage.CQL))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isEqualTo("column " + column + ": " + reason);
                });
    }

    @Test
    void theSmiSFiltersParseWithTheirStructure() throws QueryException {
        Query q = Query.parse(COMPLETED_OK, QueryLanguage.CQL);
        assertThat(q.where()).isInstanceOf(Condition.And.class);
        Condition.And top = (Condition.And) q.where();
        assertThat(top.right()).isInstanceOfSatisfying(Condition.Comparison.class, c -> {
            assertThat(c.quantifier()).isEqualTo(Condition.Quantifier.ANY);
            assertThat(((Condition.Property) c.left()).path().toString())
                    .isEqualTo("SourceInstance.CIM_ConcreteJob::OperationalStatus[*]");
            assertThat(((Condition.Literal) c.right()).value()).isEqualTo(new java.math.BigDecimal(2));
        });
    }

    @Test
    void hostileNestingAndLengthAreLocatedErrorsNotStackOverflows() {
        String deep = "SELECT * FROM CIM_InstCreation WHERE " + "(".repeat(100_000) + "a = 1" + ")".repeat(100_000);
        assertThatThrownBy(() -> Query.parse(deep, QueryLanguage.WQL)).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.getMessage()).contains("more than 100 levels deep"));
        String nots = "SELECT * FROM CIM_InstCreation WHERE " + "NOT ".repeat(200_000) + "a = 1";
        assertThatThrownBy(() -> Query.parse(nots, QueryLanguage.WQL)).isInstanceOfSatisfying(QueryException.class,
                e -> assertThat(e.getMessage()).contains("more than 100 levels deep"));
        StringBuilder ors = new StringBuilder("SELECT * FROM CIM_InstCreation WHERE a = 0");
        for (int i = 1; i < 52_000; i++) {
            ors.append(" OR a = ").append(i);
        }
        assertThatThrownBy(() -> Query.parse(ors.toString(), QueryLanguage.WQL))
                .isInstanceOfSatisfying(QueryException.class,
                        e -> assertThat(e.getMessage()).contains("more than 1000 conditions"));
    }

    @Test
    void theLimitsLeaveRealFiltersAlone() throws QueryException {
        // 100 levels and 1,000 conditions parse, and the evaluator walks them.
        String nested = "SELECT * FROM CIM_InstCreation WHERE " + "(".repeat(99) + "NOT a = 1" + ")".repeat(99);
        assertThat(Query.parse(nested, QueryLanguage.WQL).where()).isInstanceOf(Condition.Not.class);
        StringBuilder ors = new StringBuilder("SELECT * FROM CIM_InstModification WHERE SourceInstance.JobState = 0");
        for (int i = 1; i < 1_000; i++) {
            ors.append(" OR SourceInstance.JobState = ").append(i);
        }
        assertThat(matches(ors.toString(), modification("CIM_InstModification", job("TST_Job", 2, 0, 15),
                job("TST_Job", 999, 0, 15))))
                .isTrue();
    }
}
