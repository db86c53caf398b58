package org.cimforge.codegen;

import com.palantir.javapoet.ClassName;

/** The runtime and JSR48 types generated code refers to, named once. */
final class Types {
    static final String RUNTIME = "org.cimforge.runtime";
    static final String RUNTIME_PROVIDER = RUNTIME + ".provider";
    static final String RUNTIME_CLIENT = RUNTIME + ".client";
    static final String JSR48_CIM = "org.metricshub.wbem.javax.cim";
    static final String JSR48_WBEM = "org.metricshub.wbem.javax.wbem";

    static final ClassName CIM_KIND = ClassName.get(RUNTIME, "CimKind");
    static final ClassName CIM_ENUM = ClassName.get(RUNTIME, "CimEnum");
    static final ClassName ENUM_VALUE = ClassName.get(RUNTIME, "EnumValue");
    static final ClassName VALUE_MAP_ENTRY = ClassName.get(RUNTIME, "ValueMapEntry");
    static final ClassName CIM_REFERENCE = ClassName.get(RUNTIME, "CimReference");
    static final ClassName CIM_DATE_TIME = ClassName.get(RUNTIME, "CimDateTime");
    static final ClassName CIM_CLASS_INFO = ClassName.get(RUNTIME, "CimClassInfo");
    static final ClassName PROPERTY_INFO = ClassName.get(RUNTIME, "PropertyInfo");
    static final ClassName ELEMENT_SET = ClassName.get(RUNTIME, "ElementSet");
    static final ClassName INSTANCE_BASE = ClassName.get(RUNTIME, "CimInstanceBase");
    static final ClassName INSTANCE_BUILDER = ClassName.get(RUNTIME, "InstanceBuilder");
    static final ClassName METHOD_ARGUMENTS = ClassName.get(RUNTIME, "MethodArguments");
    static final ClassName ARGUMENTS_BUILDER = ClassName.get(RUNTIME, "ArgumentsBuilder");
    static final ClassName METHOD_RESULT = ClassName.get(RUNTIME, "MethodResult");
    static final ClassName METHOD_RESULT_BUILDER = ClassName.get(RUNTIME, "MethodResult", "Builder");
    static final ClassName INVOCATION_CONTEXT = ClassName.get(RUNTIME_PROVIDER, "InvocationContext");
    static final ClassName INSTANCE_PROVIDER = ClassName.get(RUNTIME_PROVIDER, "InstanceProvider");
    static final ClassName ASSOCIATION_PROVIDER = ClassName.get(RUNTIME_PROVIDER, "AssociationProvider");
    static final ClassName METHOD_PROVIDER = ClassName.get(RUNTIME_PROVIDER, "MethodProvider");
    static final ClassName CIM_ERRORS = ClassName.get(RUNTIME, "CimErrors");
    static final ClassName CIM_STATIC = ClassName.get(RUNTIME, "CimStatic");
    static final ClassName TYPED_CLIENT = ClassName.get(RUNTIME_CLIENT, "TypedClient");
    static final ClassName METHOD_OUTCOME = ClassName.get(RUNTIME_CLIENT, "MethodOutcome");

    static final ClassName CIM_INSTANCE = ClassName.get(JSR48_CIM, "CIMInstance");
    static final ClassName CIM_ARGUMENT = ClassName.get(JSR48_CIM, "CIMArgument");
    static final ClassName CIM_OBJECT_PATH = ClassName.get(JSR48_CIM, "CIMObjectPath");
    static final ClassName WBEM_EXCEPTION = ClassName.get(JSR48_WBEM, "WBEMException");
    static final ClassName WBEM_CLIENT = ClassName.get(JSR48_WBEM + ".client", "WBEMClient");

    static final ClassName NULLABLE = ClassName.get("org.jspecify.annotations", "Nullable");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName BIG_INTEGER = ClassName.get("java.math", "BigInteger");
    static final ClassName DURATION = ClassName.get("java.time", "Duration");

    private Types() {
    }
}
