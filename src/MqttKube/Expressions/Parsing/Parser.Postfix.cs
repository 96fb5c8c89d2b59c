using System.Collections.Immutable;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions.Parsing;

internal sealed partial class Parser
{
    private Node ParsePostfix()
    {
        var node = ParseAtom();
        while (true)
        {
            var t = Current;
            if (Accept("("))
            {
                Enter();
                node = ParseCall(node, t.Column);
                depth--;
            }
            else if (Accept("["))
            {
                Enter();
                var index = ParseSubscriptList();
                Expect("]");
                depth--;
                node = new SubscriptNode(t.Column, node, index);
            }
            else if (Accept("."))
            {
                if (Current.Kind != TokenKind.Name || IsReserved(Current.Text))
                {
                    throw new SyntaxException(Current.Column, "invalid syntax, expected a name after '.'");
                }

                node = new AttributeNode(t.Column, node, Current.Text);
                Advance();
            }
            else
            {
                return node;
            }
        }
    }

    private CallNode ParseCall(Node function, int column)
    {
        var args = ImmutableArray.CreateBuilder<Node>();
        var keywords = ImmutableArray.CreateBuilder<KeywordArgument>();
        while (!Current.Is(")"))
        {
            if (Current.Kind == TokenKind.Name && tokens[position + 1].Is("=") && tokens[position + 1].Kind == TokenKind.Operator)
            {
                var name = Current.Text;
                if (IsReserved(name))
                {
                    throw new SyntaxException(Current.Column, "invalid syntax");
                }

                if (keywords.Any(k => k.Name == name))
                {
                    throw new SyntaxException(Current.Column, "keyword argument repeated: " + name);
                }

                position += 2;
                keywords.Add(new KeywordArgument(name, ParseTest()));
            }
            else
            {
                if (keywords.Count > 0)
                {
                    throw new SyntaxException(Current.Column, "positional argument follows keyword argument");
                }

                var arg = ParseTest();
                if (IsKeyword("for"))
                {
                    arg = new ComprehensionNode(arg.Column, true, arg, ParseComprehensionClauses());
                    if (args.Count > 0 || !Current.Is(")"))
                    {
                        throw new SyntaxException(arg.Column, "Generator expression must be parenthesized");
                    }
                }

                args.Add(arg);
            }

            if (!Accept(","))
            {
                break;
            }
        }

        Expect(")");
        return new CallNode(column, function, args.ToImmutable(), keywords.ToImmutable());
    }

    private Node ParseSubscriptList()
    {
        var first = ParseSubscriptItem();
        if (!Current.Is(","))
        {
            return first;
        }

        var items = ImmutableArray.CreateBuilder<Node>();
        items.Add(first);
        while (Accept(",") && !Current.Is("]"))
        {
            items.Add(ParseSubscriptItem());
        }

        return new TupleNode(first.Column, items.ToImmutable());
    }

    private Node ParseSubscriptItem()
    {
        var column = Current.Column;
        var lower = Current.Is(":") ? null : ParseTest();
        if (!Accept(":"))
        {
            return lower!;
        }

        var upper = Current.Is(":") || Current.Is("]") || Current.Is(",") ? null : ParseTest();
        Node? step = null;
        if (Accept(":") && !Current.Is("]") && !Current.Is(","))
        {
            step = ParseTest();
        }

        return new SliceNode(column, lower, upper, step);
    }

    private ImmutableArray<ComprehensionFor> ParseComprehensionClauses()
    {
        var clauses = ImmutableArray.CreateBuilder<ComprehensionFor>();
        while (IsKeyword("for"))
        {
            Advance();
            var target = ParseTarget();
            Expect("in");
            var iterable = ParseOr();
            var conditions = ImmutableArray.CreateBuilder<Node>();
            while (IsKeyword("if"))
            {
                Advance();
                conditions.Add(ParseOr());
            }

            clauses.Add(new ComprehensionFor(target, iterable, conditions.ToImmutable()));
        }

        return clauses.ToImmutable();
    }

    private Node ParseTarget()
    {
        var first = ParseBitOr();
        var node = first;
        if (Current.Is(","))
        {
            var items = ImmutableArray.CreateBuilder<Node>();
            items.Add(first);
            while (Accept(",") && !IsKeyword("in"))
            {
                items.Add(ParseBitOr());
            }

            node = new TupleNode(first.Column, items.ToImmutable());
        }

        CheckTarget(node);
        return node;
    }

    private static void CheckTarget(Node node)
    {
        switch (node)
        {
            case NameNode:
                return;
            case TupleNode t:
                foreach (var item in t.Items)
                {
                    CheckTarget(item);
                }

                return;
            case ListNode l:
                foreach (var item in l.Items)
                {
                    CheckTarget(item);
                }

                return;
            default:
                throw new SyntaxException(node.Column, "cannot assign to expression");
        }
    }
}
