using System.Collections.Immutable;
using System.Text;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions.Parsing;

internal sealed partial class Parser
{
    private Node ParseAtom()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new ConstantNode(t.Column, t.Value!);
            case TokenKind.String:
                return ParseStrings();
            case TokenKind.Name:
                Advance();
                return t.Text switch
                {
                    "True" => new ConstantNode(t.Column, PyBool.True),
                    "False" => new ConstantNode(t.Column, PyBool.False),
                    "None" => new ConstantNode(t.Column, PyNone.Instance),
                    _ when IsReserved(t.Text) => throw new SyntaxException(t.Column, "invalid syntax"),
                    _ => new NameNode(t.Column, t.Text),
                };
            case TokenKind.End:
                throw new SyntaxException(t.Column, "unexpected end of expression");
        }

        Advance();
        Enter();
        var result = t.Text switch
        {
            "(" => ParseParenthesized(t.Column),
            "[" => ParseList(t.Column),
            "{" => ParseDict(t.Column),
            _ => throw new SyntaxException(t.Column, "invalid syntax"),
        };
        depth--;
        return result;
    }

    private ConstantNode ParseStrings()
    {
        var column = Current.Column;
        var sb = new StringBuilder();
        while (Current.Kind == TokenKind.String)
        {
            sb.Append(((PyStr)Current.Value!).Value);
            Advance();
        }

        return new ConstantNode(column, new PyStr(sb.ToString()));
    }

    private Node ParseParenthesized(int column)
    {
        if (Accept(")"))
        {
            return new TupleNode(column, []);
        }

        var first = ParseTest();
        if (IsKeyword("for"))
        {
            var generator = new ComprehensionNode(column, true, first, ParseComprehensionClauses());
            Expect(")");
            return generator;
        }

        if (Accept(")"))
        {
            return first;
        }

        var items = ParseRestOfItems(first, ")");
        return new TupleNode(column, items);
    }

    private Node ParseList(int column)
    {
        if (Accept("]"))
        {
            return new ListNode(column, []);
        }

        var first = ParseTest();
        if (IsKeyword("for"))
        {
            var comprehension = new ComprehensionNode(column, false, first, ParseComprehensionClauses());
            Expect("]");
            return comprehension;
        }

        return new ListNode(column, ParseRestOfItems(first, "]"));
    }

    /// <summary>After the first item: <c>, item</c>* with an optional trailing comma, then the closer.</summary>
    private ImmutableArray<Node> ParseRestOfItems(Node first, string closer)
    {
        var items = ImmutableArray.CreateBuilder<Node>();
        items.Add(first);
        while (Accept(","))
        {
            if (Current.Is(closer))
            {
                break;
            }

            items.Add(ParseTest());
        }

        Expect(closer);
        return items.ToImmutable();
    }

    private DictNode ParseDict(int column)
    {
        var keys = ImmutableArray.CreateBuilder<Node>();
        var values = ImmutableArray.CreateBuilder<Node>();
        while (!Current.Is("}"))
        {
            var key = ParseTest();
            if (!Current.Is(":"))
            {
                throw new SyntaxException(Current.Column, "set displays are not supported");
            }

            Advance();
            keys.Add(key);
            values.Add(ParseTest());
            if (IsKeyword("for"))
            {
                throw new SyntaxException(Current.Column, "dict comprehensions are not supported");
            }

            if (!Accept(","))
            {
                break;
            }
        }

        Expect("}");
        return new DictNode(column, keys.ToImmutable(), values.ToImmutable());
    }
}
