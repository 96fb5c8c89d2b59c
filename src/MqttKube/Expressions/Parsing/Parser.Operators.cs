using System.Collections.Immutable;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions.Parsing;

internal sealed partial class Parser
{
    private Node ParseComparison()
    {
        var first = ParseBitOr();
        var operators = ImmutableArray.CreateBuilder<CompareOperator>();
        var operands = ImmutableArray.CreateBuilder<Node>();
        var column = Current.Column;
        while (TryCompareOperator(out var op))
        {
            operators.Add(op);
            operands.Add(ParseBitOr());
        }

        return operators.Count == 0 ? first : new CompareNode(column, first, operators.ToImmutable(), operands.ToImmutable());
    }

    private bool TryCompareOperator(out CompareOperator op)
    {
        op = default;
        var t = Current;
        if (t.Kind == TokenKind.Operator)
        {
            switch (t.Text)
            {
                case "==": op = CompareOperator.Equal; break;
                case "!=": op = CompareOperator.NotEqual; break;
                case "<": op = CompareOperator.Less; break;
                case "<=": op = CompareOperator.LessOrEqual; break;
                case ">": op = CompareOperator.Greater; break;
                case ">=": op = CompareOperator.GreaterOrEqual; break;
                default: return false;
            }

            Advance();
            return true;
        }

        if (IsKeyword("in"))
        {
            op = CompareOperator.In;
            Advance();
            return true;
        }

        if (IsKeyword("is"))
        {
            Advance();
            op = IsKeyword("not") ? CompareOperator.IsNot : CompareOperator.Is;
            if (op == CompareOperator.IsNot)
            {
                Advance();
            }

            return true;
        }

        if (IsKeyword("not") && tokens[position + 1].Kind == TokenKind.Name && tokens[position + 1].Text == "in")
        {
            op = CompareOperator.NotIn;
            position += 2;
            return true;
        }

        return false;
    }

    private Node ParseBitOr() => ParseBinaryLevel(0);

    private static readonly string[][] Levels =
    [
        ["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%"],
    ];

    private Node ParseBinaryLevel(int level)
    {
        if (level == Levels.Length)
        {
            return ParseFactor();
        }

        var left = ParseBinaryLevel(level + 1);
        while (Current.Kind == TokenKind.Operator && Array.IndexOf(Levels[level], Current.Text) >= 0)
        {
            var token = Current;
            Advance();
            var right = ParseBinaryLevel(level + 1);
            left = new BinaryNode(token.Column, ToBinary(token.Text), left, right);
        }

        return left;
    }

    private static BinaryOperator ToBinary(string op) => op switch
    {
        "|" => BinaryOperator.BitOr,
        "^" => BinaryOperator.BitXor,
        "&" => BinaryOperator.BitAnd,
        "<<" => BinaryOperator.LeftShift,
        ">>" => BinaryOperator.RightShift,
        "+" => BinaryOperator.Add,
        "-" => BinaryOperator.Subtract,
        "*" => BinaryOperator.Multiply,
        "/" => BinaryOperator.TrueDivide,
        "//" => BinaryOperator.FloorDivide,
        "%" => BinaryOperator.Modulo,
        _ => BinaryOperator.Power,
    };

    /// <summary><c>factor: ('+'|'-'|'~') factor | power</c> — so <c>-2**2</c> is <c>-(2**2)</c>.</summary>
    private Node ParseFactor()
    {
        var t = Current;
        if (t.Kind == TokenKind.Operator && t.Text is "-" or "+" or "~")
        {
            Advance();
            Enter();
            var operand = ParseFactor();
            depth--;
            var op = t.Text switch { "-" => UnaryOperator.Negate, "+" => UnaryOperator.Plus, _ => UnaryOperator.Invert };
            return new UnaryNode(t.Column, op, operand);
        }

        return ParsePower();
    }

    private Node ParsePower()
    {
        var left = ParsePostfix();
        if (Current.Kind == TokenKind.Operator && Current.Text == "**")
        {
            var column = Current.Column;
            Advance();
            Enter();
            var right = ParseFactor();
            depth--;
            return new BinaryNode(column, BinaryOperator.Power, left, right);
        }

        return left;
    }
}
