using System.Text.Json.Nodes;

namespace MqttKube.JsonPath;

/// <summary>Filter expressions: <c>|| &amp;&amp; ! ( )</c>, comparisons, tests, with RFC 9535 well-typedness.</summary>
internal sealed partial class JsonPathParser
{
    private LogicalExpression ParseLogicalOr()
    {
        Enter();
        var operands = new List<LogicalExpression> { ParseLogicalAnd() };
        while (TryOperator("||"))
        {
            operands.Add(ParseLogicalAnd());
        }

        nesting--;
        return operands.Count == 1 ? operands[0] : new OrExpression(operands);
    }

    private LogicalExpression ParseLogicalAnd()
    {
        var operands = new List<LogicalExpression> { ParseBasic() };
        while (TryOperator("&&"))
        {
            operands.Add(ParseBasic());
        }

        return operands.Count == 1 ? operands[0] : new AndExpression(operands);
    }

    /// <summary>Consumes <c>S op S</c> when the operator follows; otherwise consumes nothing.</summary>
    private bool TryOperator(string op)
    {
        var save = pos;
        SkipBlanks();
        if (string.CompareOrdinal(text, pos, op, 0, op.Length) == 0 && pos + op.Length <= end)
        {
            pos += op.Length;
            SkipBlanks();
            return true;
        }

        pos = save;
        return false;
    }

    /// <summary><c>paren-expr / comparison-expr / test-expr</c></summary>
    private LogicalExpression ParseBasic()
    {
        if (Cur == '!')
        {
            pos++;
            SkipBlanks();
            return new NotExpression(Cur == '(' ? ParseParenthesized() : ToTest(ParsePrimary()));
        }

        if (Cur == '(')
        {
            return ParseParenthesized();
        }

        var left = ParsePrimary();
        var save = pos;
        SkipBlanks();
        var opColumn = Column;
        if (TryComparisonOperator(out var op))
        {
            SkipBlanks();
            var right = ParsePrimary();
            return new ComparisonExpression(ToComparable(left, opColumn), op, ToComparable(right, opColumn));
        }

        pos = save;
        return ToTest(left);
    }

    private LogicalExpression ParseParenthesized()
    {
        var column = Column;
        pos++; // '('
        SkipBlanks();
        var inner = ParseLogicalOr();
        SkipBlanks();
        if (Cur != ')')
        {
            throw Error(More ? $"expected ')' to close the '(' at column {column}, not {Describe()}" : $"unclosed '(' at column {column}");
        }

        pos++;
        return inner;
    }

    private bool TryComparisonOperator(out ComparisonOperator op)
    {
        var next = pos + 1 < end ? text[pos + 1] : '\0';
        (op, var length) = (Cur, next) switch
        {
            ('=', '=') => (ComparisonOperator.Equal, 2),
            ('!', '=') => (ComparisonOperator.NotEqual, 2),
            ('<', '=') => (ComparisonOperator.LessOrEqual, 2),
            ('>', '=') => (ComparisonOperator.GreaterOrEqual, 2),
            ('<', _) => (ComparisonOperator.Less, 1),
            ('>', _) => (ComparisonOperator.Greater, 1),
            _ => (ComparisonOperator.Equal, 0),
        };
        pos += length;
        return length > 0;
    }

    /// <summary>A literal, a filter query (<c>@…</c> or <c>$…</c>) or a function expression.</summary>
    private Primary ParsePrimary()
    {
        var column = Column;
        switch (Cur)
        {
            case '@' or '$':
                var relative = Cur == '@';
                var start = pos;
                pos++;
                var segments = ParseSegments();
                return new Primary(column, Query: new JsonPathQuery(text[start..pos], relative, segments));
            case '\'' or '"':
                return new Primary(column, Literal: JsonValue.Create(ParseStringLiteral()), IsLiteral: true);
            case '-' or (>= '0' and <= '9'):
                return new Primary(column, Literal: ParseNumber(), IsLiteral: true);
        }

        if (!char.IsAsciiLetterLower(Cur))
        {
            throw Error($"expected a literal, a query ('@' or '$') or a function, not {Describe()}");
        }

        var nameStart = pos;
        while (char.IsAsciiLetterLower(Cur) || char.IsAsciiDigit(Cur) || Cur == '_')
        {
            pos++;
        }

        var name = text[nameStart..pos];
        if (Cur == '(')
        {
            return ParseFunction(name, column);
        }

        return name switch
        {
            "true" => new Primary(column, Literal: JsonValue.Create(true), IsLiteral: true),
            "false" => new Primary(column, Literal: JsonValue.Create(false), IsLiteral: true),
            "null" => new Primary(column, Literal: null, IsLiteral: true),
            _ => throw Error(column, $"unknown name '{name}' (a function call needs '(' right after its name)"),
        };
    }

    /// <summary>An operand of a comparison must be a literal, a singular query or a ValueType function.</summary>
    private ValueExpression ToComparable(Primary p, int opColumn)
    {
        if (p.IsLiteral)
        {
            return new LiteralValue(p.Literal);
        }

        if (p.Query is { } query)
        {
            return query.IsSingular
                ? new SingularQueryValue(query)
                : throw Error(p.Column, $"'{query.Text}' may select several nodes and cannot be compared (only singular queries can)");
        }

        return p.Value ?? throw Error(p.Column, $"the result of {p.FunctionName}() is a logical value and cannot be compared (column {opColumn})");
    }

    /// <summary>A test is a filter query (does it select anything?) or a LogicalType function.</summary>
    private LogicalExpression ToTest(Primary p)
    {
        if (p.Query is { } query)
        {
            return new ExistenceExpression(query);
        }

        if (p.Logical is { } logical)
        {
            return logical;
        }

        throw Error(p.Column, p.IsLiteral
            ? "a literal on its own is not a test; compare it with something"
            : $"the result of {p.FunctionName}() is a value; compare it with something (e.g. {p.FunctionName}(…) > 0)");
    }
}
