/*
 * MOF v2 (DSP0004 version 2.x) as real schemas use it.
 *
 * No embedded actions: the AstBuilder visitor turns parse trees into immutable
 * AST records. Keywords are case-insensitive and may also be used as names,
 * which is why every name position goes through the `identifier` rule.
 * Semantic checks (valid scopes, flavors, types of values) belong to the
 * resolver so that they are reported with codes instead of syntax errors.
 */
grammar Mof;

options { caseInsensitive = true; }

mofSpecification
    : mofProduction* EOF
    ;

mofProduction
    : compilerDirective
    | qualifierDeclaration
    | classDeclaration
    | instanceDeclaration
    ;

// #pragma name ("value") — the parenthesised values are optional so that an
// unknown pragma without arguments is still read (and reported as a warning).
compilerDirective
    : PRAGMA pragmaName=identifier ( '(' stringValue ( ',' stringValue )* ')' )?
    ;

qualifierDeclaration
    : QUALIFIER qualifierName=identifier ':' dataType array? defaultValue?
      ( ',' scopeSpec )? ( ',' flavorSpec )? ';'
    ;

scopeSpec
    : SCOPE '(' identifier ( ',' identifier )* ')'
    ;

flavorSpec
    : FLAVOR '(' identifier ( ',' identifier )* ')'
    ;

// DSP0004 2.x: an optional alias (`class M_B as $BB : M_A`) that instance REF values may use.
classDeclaration
    : qualifierList? CLASS className=identifier ( AS alias=ALIAS_IDENTIFIER )? ( ':' superClass=identifier )?
      '{' classFeature* '}' ';'
    ;

classFeature
    : propertyDeclaration
    | referenceDeclaration
    | methodDeclaration
    ;

propertyDeclaration
    : qualifierList? dataType name=identifier array? defaultValue? ';'
    ;

referenceDeclaration
    : qualifierList? objectRef name=identifier array? defaultValue? ';'
    ;

// `unknownType` reads a return type that is no CIM type (WMI's `void`), so that the resolver-free
// error points at that word rather than at the method name or a parameter's qualifiers.
methodDeclaration
    : qualifierList? ( dataType | objectRef | unknownType=identifier ) name=identifier
      '(' ( parameter ( ',' parameter )* )? ')' ';'
    ;

parameter
    : qualifierList? ( dataType | objectRef ) name=identifier array? defaultValue?
    ;

objectRef
    : className=identifier REF
    ;

dataType
    : DT_UINT8 | DT_SINT8 | DT_UINT16 | DT_SINT16 | DT_UINT32 | DT_SINT32
    | DT_UINT64 | DT_SINT64 | DT_REAL32 | DT_REAL64 | DT_CHAR16 | DT_STRING
    | DT_BOOLEAN | DT_DATETIME
    ;

array
    : '[' size=DECIMAL_VALUE? ']'
    ;

defaultValue
    : '=' initializer
    ;

qualifierList
    : '[' qualifier ( ',' qualifier )* ']'
    ;

qualifier
    : name=identifier qualifierParameter? ( ':' identifier+ )?
    ;

qualifierParameter
    : '(' constantValue ')'
    | arrayInitializer
    ;

instanceDeclaration
    : qualifierList? INSTANCE OF className=identifier ( AS alias=ALIAS_IDENTIFIER )?
      '{' valueInitializer* '}' ';'
    ;

valueInitializer
    : qualifierList? name=identifier '=' initializer ';'
    ;

initializer
    : constantValue
    | arrayInitializer
    | aliasReference
    ;

arrayInitializer
    : '{' ( arrayElement ( ',' arrayElement )* )? '}'
    ;

arrayElement
    : constantValue
    | aliasReference
    ;

aliasReference
    : ALIAS_IDENTIFIER
    ;

constantValue
    : integerValue
    | REAL_VALUE
    | CHAR16_VALUE
    | stringValue
    | booleanValue
    | NULL
    ;

integerValue
    : DECIMAL_VALUE
    | BINARY_VALUE
    | OCTAL_VALUE
    | HEX_VALUE
    ;

booleanValue
    : TRUE
    | FALSE
    ;

// Adjacent string literals are concatenated ("a" "b" == "ab").
stringValue
    : STRING_VALUE+
    ;

identifier
    : IDENTIFIER
    | ANY | AS | ASSOCIATION | CLASS | DISABLEOVERRIDE | ENABLEOVERRIDE | FLAVOR
    | INDICATION | INSTANCE | METHOD | OF | PARAMETER | PROPERTY | QUALIFIER
    | REF | REFERENCE | RESTRICTED | SCHEMA | SCOPE | TOSUBCLASS | TRANSLATABLE
    | DT_UINT8 | DT_SINT8 | DT_UINT16 | DT_SINT16 | DT_UINT32 | DT_SINT32
    | DT_UINT64 | DT_SINT64 | DT_REAL32 | DT_REAL64 | DT_CHAR16 | DT_STRING
    | DT_BOOLEAN | DT_DATETIME | TRUE | FALSE | NULL
    ;

// ---------------------------------------------------------------- lexer

PRAGMA          : '#' [ \t]* 'pragma' ;

ANY             : 'any' ;
AS              : 'as' ;
ASSOCIATION     : 'association' ;
CLASS           : 'class' ;
DISABLEOVERRIDE : 'disableoverride' ;
ENABLEOVERRIDE  : 'enableoverride' ;
FLAVOR          : 'flavor' ;
INDICATION      : 'indication' ;
INSTANCE        : 'instance' ;
METHOD          : 'method' ;
OF              : 'of' ;
PARAMETER       : 'parameter' ;
PROPERTY        : 'property' ;
QUALIFIER       : 'qualifier' ;
REF             : 'ref' ;
REFERENCE       : 'reference' ;
RESTRICTED      : 'restricted' ;
SCHEMA          : 'schema' ;
SCOPE           : 'scope' ;
TOSUBCLASS      : 'tosubclass' ;
TRANSLATABLE    : 'translatable' ;

DT_UINT8    : 'uint8' ;
DT_SINT8    : 'sint8' ;
DT_UINT16   : 'uint16' ;
DT_SINT16   : 'sint16' ;
DT_UINT32   : 'uint32' ;
DT_SINT32   : 'sint32' ;
DT_UINT64   : 'uint64' ;
DT_SINT64   : 'sint64' ;
DT_REAL32   : 'real32' ;
DT_REAL64   : 'real64' ;
DT_CHAR16   : 'char16' ;
DT_STRING   : 'string' ;
DT_BOOLEAN  : 'boolean' ;
DT_DATETIME : 'datetime' ;

TRUE  : 'true' ;
FALSE : 'false' ;
NULL  : 'null' ;

LPAREN    : '(' ;
RPAREN    : ')' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
SEMICOLON : ';' ;
COLON     : ':' ;
COMMA     : ',' ;
EQUALS    : '=' ;

// Numbers: the longest match decides, so 0x1F is hex, 0777 octal, 1010b binary.
REAL_VALUE    : SIGN? DIGIT* '.' DIGIT+ EXPONENT?
              | SIGN? DIGIT+ EXPONENT
              ;
HEX_VALUE     : SIGN? '0x' HEX_DIGIT+ ;
BINARY_VALUE  : SIGN? [01]+ 'b' ;
OCTAL_VALUE   : SIGN? '0' [0-7]+ ;
DECIMAL_VALUE : SIGN? DIGIT+ ;

// Escapes are decoded (and bad ones reported) by the AST builder.
CHAR16_VALUE : '\'' ( ESCAPE | ~['\\\r\n] ) '\'' ;
STRING_VALUE : '"' ( ESCAPE | ~["\\\r\n] )* '"' ;

ALIAS_IDENTIFIER : '$' IDENT_START IDENT_PART* ;
IDENTIFIER       : IDENT_START IDENT_PART* ;

WS            : [ \t\r\n\f\u000B\u00A0\uFEFF]+ -> skip ;
LINE_COMMENT  : '//' ~[\r\n]* -> skip ;
BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
// An unclosed comment swallows the rest of the file: reported as its own token
// so the error points at the comment start instead of at the end of the file.
UNTERMINATED_COMMENT : '/*' ~[*]* ( '*'+ ~[*/] ~[*]* )* '*'* EOF ;
UNTERMINATED_STRING  : '"' ( ESCAPE | ~["\\\r\n] )* ;

ERROR_CHAR : . ;

fragment SIGN        : [+-] ;
fragment DIGIT       : [0-9] ;
fragment HEX_DIGIT   : [0-9a-f] ;
fragment EXPONENT    : 'e' SIGN? DIGIT+ ;
fragment ESCAPE      : '\\' ( 'x' HEX_DIGIT HEX_DIGIT? HEX_DIGIT? HEX_DIGIT? | ~[\r\n] ) ;
// Non-ASCII letters are allowed in names; no-break space and BOM are whitespace.
fragment IDENT_START : [a-z_\u0080-\u009F\u00A1-\uFEFE\uFF00-\uFFEF] ;
fragment IDENT_PART  : IDENT_START | DIGIT ;
