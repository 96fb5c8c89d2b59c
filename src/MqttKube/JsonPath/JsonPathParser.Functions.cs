namespace MqttKube.JsonPath;

/// <summary>Function expressions: <c>length count match search value</c>, type-checked while parsing.</summary>
internal sealed partial class JsonPathParser
{
    private Primary ParseFunction(string name, int column)
    {
        var arity = name switch
        {
            "length" or "count" or "value" => 1,
            "match" or "search" => 2,
            _ => throw Error(column, $"unknown function '{name}' (known: length, count, match, search, value)"),
        };

        pos++; // '('
        Enter();
        SkipBlanks();
        var args = new List<Primary>();
        if (Cur != ')')
        {
            while (true)
            {
                args.Add(ParseArgument());
                SkipBlanks();
                if (Cur == ',')
                {
                    pos++;
                    SkipBlanks();
                    continue;
                }

                if (Cur == ')')
                {
                    break;
                }

                throw Error($"expected ',' or ')' in the arguments of {name}(), not {Describe()}");
            }
        }

        if (args.Count != arity)
        {
            throw Error(column, $"{name}() takes {arity} argument{(arity == 1 ? "" : "s")}, not {args.Count}");
        }

        pos++; // ')'
        nesting--;
        return name switch
        {
            "length" => new Primary(column, Value: new LengthFunction(ValueArgument(name, args[0])), FunctionName: name),
            "count" => new Primary(column, Value: new CountFunction(NodesArgument(name, args[0])), FunctionName: name),
            "value" => new Primary(column, Value: new ValueFunction(NodesArgument(name, args[0])), FunctionName: name),
            _ => new Primary(
                column,
                Logical: new RegexFunction(ValueArgument(name, args[0]), ValueArgument(name, args[1]), name == "match"),
                FunctionName: name),
        };
    }

    /// <summary>
    /// <c>literal / filter-query / logical-expr / function-expr</c>: a primary when it is the whole
    /// argument, otherwise a logical expression.
    /// </summary>
    private Primary ParseArgument()
    {
        var column = Column;
        if (Cur is not ('(' or '!'))
        {
            var start = pos;
            var primary = ParsePrimary();
            var save = pos;
            SkipBlanks();
            if (Cur is ',' or ')')
            {
                pos = save;
                return primary;
            }

            pos = start;
        }

        return new Primary(column, Logical: ParseLogicalOr(), IsLogicalExpression: true);
    }

    /// <summary>A ValueType parameter takes a literal, a singular query or a ValueType function.</summary>
    private ValueExpression ValueArgument(string function, Primary arg)
    {
        if (arg.IsLiteral)
        {
            return new LiteralValue(arg.Literal);
        }

        if (arg.Query is { } query)
        {
            return query.IsSingular
                ? new SingularQueryValue(query)
                : throw Error(arg.Column, $"{function}() needs a single value here, and '{query.Text}' may select several nodes");
        }

        return arg.Value ?? throw Error(arg.Column, $"{function}() needs a value here, not a logical expression");
    }

    /// <summary>A NodesType parameter takes a filter query.</summary>
    private JsonPathQuery NodesArgument(string function, Primary arg) =>
        arg.Query ?? throw Error(arg.Column, $"{function}() needs a query ('@…' or '$…') as its argument");
}
