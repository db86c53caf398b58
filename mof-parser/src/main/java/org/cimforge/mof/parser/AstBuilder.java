package org.cimforge.mof.parser;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.cimforge.mof.DiagnosticCode;
import org.cimforge.mof.SourceLocation;
import org.cimforge.mof.SourceText;
import org.cimforge.mof.ast.Feature;
import org.cimforge.mof.ast.MofFile;
import org.cimforge.mof.ast.Named;
import org.cimforge.mof.ast.Production;
import org.cimforge.mof.ast.PropertyValue;
import org.cimforge.mof.ast.QualifierUse;
import org.cimforge.mof.ast.TypeSpec;
import org.cimforge.mof.ast.Value;
import org.cimforge.mof.model.CimType;

/**
 * Builds immutable AST records from an ANTLR parse tree; decodes literals and reports bad escapes
 * and malformed numbers as located diagnostics. Parse-tree types stay inside this package.
 */
final class AstBuilder extends MofBaseVisitor<Object> {
    private final SourceText source;
    private final FileDiagnostics diagnostics;

    AstBuilder(SourceText source, FileDiagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
    }

    /**
     * Builds the AST. After a syntax error the parser's recovery leaves partial subtrees; those
     * productions are left out (their error is already reported) so the rest of the file still counts.
     */
    MofFile build(MofParser.MofSpecificationContext tree, boolean hadSyntaxErrors) {
        List<Production> productions = new ArrayList<>(tree.mofProduction().size());
        for (MofParser.MofProductionContext production : tree.mofProduction()) {
            if (!hadSyntaxErrors || isComplete(production)) {
                productions.add(production(production));
            }
        }
        return new MofFile(source, productions);
    }

    private static boolean isComplete(ParseTree tree) {
        if (tree instanceof ErrorNode) {
            return false;
        }
        if (tree instanceof ParserRuleContext ctx && ctx.exception != null) {
            return false;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (!isComplete(tree.getChild(i))) {
                return false;
            }
        }
        return true;
    }

    private Production production(MofParser.MofProductionContext ctx) {
        if (ctx.compilerDirective() != null) {
            return pragma(ctx.compilerDirective());
        }
        if (ctx.qualifierDeclaration() != null) {
            return qualifierDeclaration(ctx.qualifierDeclaration());
        }
        if (ctx.classDeclaration() != null) {
            return classDeclaration(ctx.classDeclaration());
        }
        return instanceDeclaration(ctx.instanceDeclaration());
    }

    private Production.Pragma pragma(MofParser.CompilerDirectiveContext ctx) {
        List<String> arguments = new ArrayList<>();
        for (MofParser.StringValueContext value : ctx.stringValue()) {
            arguments.add(string(value).value());
        }
        return new Production.Pragma(ctx.pragmaName.getText(), arguments, at(ctx.start));
    }

    private Production.QualifierDeclaration qualifierDeclaration(MofParser.QualifierDeclarationContext ctx) {
        TypeSpec type = typeSpec(ctx.dataType(), null, ctx.array(), ctx.dataType().start);
        Value defaultValue = ctx.defaultValue() == null ? null : initializer(ctx.defaultValue().initializer());
        List<Named> scopes = ctx.scopeSpec() == null ? List.of() : names(ctx.scopeSpec().identifier());
        List<Named> flavors = ctx.flavorSpec() == null ? List.of() : names(ctx.flavorSpec().identifier());
        return new Production.QualifierDeclaration(ctx.qualifierName.getText(), type, defaultValue, scopes,
                ctx.scopeSpec() != null, flavors, at(ctx.qualifierName.start));
    }

    private Production.ClassDeclaration classDeclaration(MofParser.ClassDeclarationContext ctx) {
        List<Feature> features = new ArrayList<>(ctx.classFeature().size());
        for (MofParser.ClassFeatureContext feature : ctx.classFeature()) {
            Feature built = feature(feature);
            if (built != null) {
                features.add(built);
            }
        }
        String superClass = ctx.superClass == null ? null : ctx.superClass.getText();
        SourceLocation superLocation = ctx.superClass == null ? null : at(ctx.superClass.start);
        String alias = ctx.alias == null ? null : ctx.alias.getText().substring(1);
        return new Production.ClassDeclaration(qualifiers(ctx.qualifierList()), ctx.className.getText(),
                superClass, superLocation, features, at(ctx.className.start), alias);
    }

    private Feature feature(MofParser.ClassFeatureContext ctx) {
        if (ctx.propertyDeclaration() != null) {
            MofParser.PropertyDeclarationContext p = ctx.propertyDeclaration();
            return new Feature.Property(qualifiers(p.qualifierList()),
                    typeSpec(p.dataType(), null, p.array(), p.dataType().start), p.name.getText(),
                    defaultValue(p.defaultValue()), at(p.name.start));
        }
        if (ctx.referenceDeclaration() != null) {
            MofParser.ReferenceDeclarationContext r = ctx.referenceDeclaration();
            return new Feature.Property(qualifiers(r.qualifierList()),
                    typeSpec(null, r.objectRef(), r.array(), r.objectRef().start), r.name.getText(),
                    defaultValue(r.defaultValue()), at(r.name.start));
        }
        MofParser.MethodDeclarationContext m = ctx.methodDeclaration();
        if (m.unknownType != null && m.dataType() == null && m.objectRef() == null) {
            error(DiagnosticCode.SYNTAX, m.unknownType.start, "'" + m.unknownType.getText()
                    + "' is not a CIM data type" + ("void".equalsIgnoreCase(m.unknownType.getText())
                    ? " (WMI's void; DSP0004 methods return a type, commonly uint32)" : "")
                    + "; method " + m.name.getText() + " is left out");
            return null;
        }
        List<Feature.Parameter> parameters = new ArrayList<>(m.parameter().size());
        for (MofParser.ParameterContext p : m.parameter()) {
            Token typeStart = p.dataType() != null ? p.dataType().start : p.objectRef().start;
            parameters.add(new Feature.Parameter(qualifiers(p.qualifierList()),
                    typeSpec(p.dataType(), p.objectRef(), p.array(), typeStart), p.name.getText(),
                    defaultValue(p.defaultValue()), at(p.name.start)));
        }
        Token typeStart = m.dataType() != null ? m.dataType().start : m.objectRef().start;
        return new Feature.Method(qualifiers(m.qualifierList()), typeSpec(m.dataType(), m.objectRef(), null, typeStart),
                m.name.getText(), parameters, at(m.name.start));
    }

    private Production.InstanceDeclaration instanceDeclaration(MofParser.InstanceDeclarationContext ctx) {
        List<PropertyValue> values = new ArrayList<>(ctx.valueInitializer().size());
        for (MofParser.ValueInitializerContext v : ctx.valueInitializer()) {
            values.add(new PropertyValue(qualifiers(v.qualifierList()), v.name.getText(),
                    initializer(v.initializer()), at(v.name.start)));
        }
        String alias = ctx.alias == null ? null : ctx.alias.getText().substring(1);
        return new Production.InstanceDeclaration(qualifiers(ctx.qualifierList()), ctx.className.getText(), alias,
                values, at(ctx.className.start));
    }

    private TypeSpec typeSpec(MofParser.DataTypeContext dataType, MofParser.ObjectRefContext objectRef,
                              MofParser.ArrayContext array, Token start) {
        CimType type = dataType != null ? CimType.fromMofName(dataType.getText()) : CimType.REFERENCE;
        String referenceClass = objectRef != null ? objectRef.className.getText() : null;
        Integer size = null;
        if (array != null && array.size != null) {
            BigInteger parsed = parseInteger(array.size, 10, array.size.getText());
            if (parsed.signum() <= 0 || parsed.bitLength() > 31) {
                error(DiagnosticCode.INVALID_LITERAL, array.size, "array size must be a positive integer");
            } else {
                size = parsed.intValue();
            }
        }
        return new TypeSpec(type, referenceClass, array != null, size, at(start));
    }

    private List<QualifierUse> qualifiers(MofParser.QualifierListContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<QualifierUse> uses = new ArrayList<>(ctx.qualifier().size());
        for (MofParser.QualifierContext q : ctx.qualifier()) {
            Value value = null;
            MofParser.QualifierParameterContext parameter = q.qualifierParameter();
            if (parameter != null) {
                value = parameter.constantValue() != null ? constant(parameter.constantValue())
                        : arrayValue(parameter.arrayInitializer());
            }
            // In `Key : DisableOverride ToSubclass` the first identifier is the name, the rest flavors.
            List<MofParser.IdentifierContext> identifiers = q.identifier();
            List<Named> flavors = names(identifiers.subList(1, identifiers.size()));
            uses.add(new QualifierUse(q.name.getText(), value, flavors, at(q.name.start)));
        }
        return uses;
    }

    private List<Named> names(List<MofParser.IdentifierContext> identifiers) {
        List<Named> names = new ArrayList<>(identifiers.size());
        for (MofParser.IdentifierContext id : identifiers) {
            names.add(new Named(id.getText(), at(id.start)));
        }
        return names;
    }

    private Value defaultValue(MofParser.DefaultValueContext ctx) {
        return ctx == null ? null : initializer(ctx.initializer());
    }

    // The value rules below each have a single child. Looking at it once beats asking the context for each
    // alternative in turn: every such question walks the children with a fresh iterator, which a cold run
    // (no escape analysis under C1) allocates a million times for the CIM schema's qualifier values.

    private Value initializer(MofParser.InitializerContext ctx) {
        ParseTree only = ctx.getChild(0);
        if (only instanceof MofParser.ConstantValueContext constant) {
            return constant(constant);
        }
        if (only instanceof MofParser.ArrayInitializerContext array) {
            return arrayValue(array);
        }
        return alias(ctx.aliasReference());
    }

    private Value.ArrayValue arrayValue(MofParser.ArrayInitializerContext ctx) {
        List<Value> elements = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof MofParser.ArrayElementContext element) {
                elements.add(element.getChild(0) instanceof MofParser.ConstantValueContext constant ? constant(constant)
                        : alias(element.aliasReference()));
            }
        }
        return new Value.ArrayValue(elements, at(ctx.start));
    }

    private Value.AliasValue alias(MofParser.AliasReferenceContext ctx) {
        return new Value.AliasValue(ctx.getText().substring(1), at(ctx.start));
    }

    private Value constant(MofParser.ConstantValueContext ctx) {
        SourceLocation location = at(ctx.start);
        ParseTree only = ctx.getChild(0);
        if (only instanceof MofParser.StringValueContext string) {
            return string(string);
        }
        if (only instanceof MofParser.IntegerValueContext integer) {
            return integer(integer.start, location);
        }
        if (only instanceof MofParser.BooleanValueContext bool) {
            return new Value.BooleanValue(bool.start.getType() == MofLexer.TRUE, location);
        }
        int type = only instanceof TerminalNode terminal ? terminal.getSymbol().getType() : MofLexer.NULL;
        if (type == MofLexer.REAL_VALUE) {
            String text = ctx.getText();
            return new Value.RealValue(Double.parseDouble(text), text, location);
        }
        if (type == MofLexer.CHAR16_VALUE) {
            String decoded = unescape(((TerminalNode) only).getSymbol());
            if (decoded.length() != 1) {
                error(DiagnosticCode.INVALID_LITERAL, ctx.start, "a char16 literal must hold exactly one character");
            }
            return new Value.Char16Value(decoded.isEmpty() ? '\0' : decoded.charAt(0), location);
        }
        return new Value.NullValue(location);
    }

    private Value.IntegerValue integer(Token token, SourceLocation location) {
        String text = token.getText();
        return switch (token.getType()) {
            case MofLexer.HEX_VALUE -> new Value.IntegerValue(parseInteger(token, 16, withoutPrefix(text, 2)), 16, location);
            case MofLexer.BINARY_VALUE ->
                    new Value.IntegerValue(parseInteger(token, 2, text.substring(0, text.length() - 1)), 2, location);
            case MofLexer.OCTAL_VALUE -> new Value.IntegerValue(parseInteger(token, 8, text), 8, location);
            default -> new Value.IntegerValue(parseInteger(token, 10, text), 10, location);
        };
    }

    // Removes a radix prefix (0x) that follows an optional sign.
    private static String withoutPrefix(String text, int prefixLength) {
        boolean signed = text.charAt(0) == '+' || text.charAt(0) == '-';
        return signed ? text.charAt(0) + text.substring(1 + prefixLength) : text.substring(prefixLength);
    }

    private BigInteger parseInteger(Token token, int radix, String digits) {
        try {
            return new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            error(DiagnosticCode.INVALID_LITERAL, token, "malformed integer literal '" + token.getText() + "'");
            return BigInteger.ZERO;
        }
    }

    private Value.StringValue string(MofParser.StringValueContext ctx) {
        List<TerminalNode> parts = ctx.STRING_VALUE();
        if (parts.size() == 1) {
            return new Value.StringValue(unescape(parts.get(0).getSymbol()), at(ctx.start));
        }
        StringBuilder joined = new StringBuilder();
        for (TerminalNode part : parts) {
            joined.append(unescape(part.getSymbol()));
        }
        return new Value.StringValue(joined.toString(), at(ctx.start));
    }

    /** Decodes the body of a string or char16 token (without its quotes). */
    private String unescape(Token token) {
        String text = token.getText();
        checkControlCharacters(token, text);
        int end = text.length() - 1;
        if (text.indexOf('\\') < 0) {
            return text.substring(1, end);
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'b' -> out.append('\b');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'f' -> out.append('\f');
                case 'r' -> out.append('\r');
                case '"' -> out.append('"');
                case '\'' -> out.append('\'');
                case '\\' -> out.append('\\');
                case 'x', 'X' -> {
                    int digitsEnd = i + 1;
                    while (digitsEnd < end && digitsEnd - i <= 4 && Character.digit(text.charAt(digitsEnd), 16) >= 0) {
                        digitsEnd++;
                    }
                    if (digitsEnd == i + 1) {
                        escapeError(token, i - 1, DiagnosticCode.INVALID_ESCAPE,
                                "\\" + e + " without hexadecimal digits is read as '" + e + "'");
                        out.append(e);
                    } else {
                        // An escaped control character, \x0 included, is written on purpose (OpenPegasus's
                        // ValidMof4b test expects "\x0" to compile); only raw ones are reported.
                        out.append((char) Integer.parseInt(text.substring(i + 1, digitsEnd), 16));
                    }
                    i = digitsEnd - 1;
                }
                default -> {
                    escapeError(token, i - 1, DiagnosticCode.INVALID_ESCAPE, "unknown escape sequence '\\" + e + "' is read as '" + e + "'");
                    out.append(e);
                }
            }
        }
        return out.toString();
    }

    /**
     * A raw control character inside quotes (NUL, or another one that no editor shows) is almost always
     * a damaged file; a tab is allowed, and escapes such as \\n are the way to write the others.
     */
    private void checkControlCharacters(Token token, String text) {
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                escapeError(token, i, DiagnosticCode.CONTROL_CHARACTER, String.format("raw control character U+%04X"
                        + (c == 0 ? " (NUL)" : "") + " inside a literal, a sign of a damaged file; write it as the"
                        + " escape \\x%X if it is meant", (int) c, (int) c));
            }
        }
    }

    private void escapeError(Token token, int offsetInToken, DiagnosticCode code, String message) {
        SourceLocation location = new SourceLocation(source.path(), token.getLine(),
                token.getCharPositionInLine() + 1 + offsetInToken);
        diagnostics.report(code, location, message);
    }

    private void error(DiagnosticCode code, Token token, String message) {
        diagnostics.report(code, at(token), message);
    }

    private SourceLocation at(Token token) {
        return new SourceLocation(source.path(), token.getLine(), token.getCharPositionInLine() + 1);
    }
}
