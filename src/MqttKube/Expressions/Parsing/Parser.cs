using System.Collections.Immutable;
using MqttKube.Expressions.Ast;

namespace MqttKube.Expressions.Parsing;

/// <summary>Recursive descent over Python's expression grammar; nesting deeper than the limit is an error.</summary>
internal sealed partial class Parser
{
    private readonly List<Token> tokens;
    private readonly int maxDepth;
    private int position;
    private int depth;

    private Parser(List<Token> tokens, int maxDepth)
    {
        this.tokens = tokens;
        this.maxDepth = maxDepth;
    }

    private Token Current => tokens[position];

    /// <summary>Parses a whole expression (a top-level <c>a, b</c> is a tuple, as in <c>eval</c>).</summary>
    public static Node Parse(string text, int maxDepth)
    {
        var parser = new Parser(Lexer.Tokenize(text), maxDepth);
        var node = parser.ParseExpressionList(allowStarred: false);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new SyntaxException(parser.Current.Column, "invalid syntax");
        }

        return node;
    }

    private Node ParseExpressionList(bool allowStarred)
    {
        _ = allowStarred;
        var first = ParseTest();
        if (!Current.Is(","))
        {
            return first;
        }

        var items = ImmutableArray.CreateBuilder<Node>();
        items.Add(first);
        while (Accept(","))
        {
            if (IsExpressionEnd())
            {
                break;
            }

            items.Add(ParseTest());
        }

        return new TupleNode(first.Column, items.ToImmutable());
    }

    /// <summary><c>test: or_test ['if' or_test 'else' test] | lambdef</c>.</summary>
    private Node ParseTest()
    {
        if (Current.Is("lambda") && Current.Kind == TokenKind.Name)
        {
            return ParseLambda();
        }

        var body = ParseOr();
        if (!IsKeyword("if"))
        {
            return body;
        }

        var column = Current.Column;
        Advance();
        var test = ParseOr();
        Expect("else");
        Enter();
        var orElse = ParseTest();
        depth--;
        return new ConditionalNode(column, test, body, orElse);
    }

    private Node ParseLambda()
    {
        var column = Current.Column;
        Advance();
        var parameters = ImmutableArray.CreateBuilder<string>();
        while (!Current.Is(":"))
        {
            if (Current.Kind != TokenKind.Name || IsReserved(Current.Text))
            {
                throw new SyntaxException(Current.Column, "invalid syntax");
            }

            if (parameters.Contains(Current.Text))
            {
                throw new SyntaxException(Current.Column, "duplicate argument '" + Current.Text + "' in function definition");
            }

            parameters.Add(Current.Text);
            Advance();
            if (!Accept(","))
            {
                break;
            }
        }

        Expect(":");
        Enter();
        var body = ParseTest();
        depth--;
        return new LambdaNode(column, parameters.ToImmutable(), body);
    }

    private Node ParseOr()
    {
        var left = ParseAnd();
        while (IsKeyword("or"))
        {
            var column = Current.Column;
            Advance();
            left = new BoolOpNode(column, false, left, ParseAnd());
        }

        return left;
    }

    private Node ParseAnd()
    {
        var left = ParseNot();
        while (IsKeyword("and"))
        {
            var column = Current.Column;
            Advance();
            left = new BoolOpNode(column, true, left, ParseNot());
        }

        return left;
    }

    private Node ParseNot()
    {
        if (!IsKeyword("not"))
        {
            return ParseComparison();
        }

        var column = Current.Column;
        Advance();
        Enter();
        var operand = ParseNot();
        depth--;
        return new UnaryNode(column, UnaryOperator.Not, operand);
    }

    private void Enter()
    {
        if (++depth > maxDepth)
        {
            throw new SyntaxException(Current.Column, "expression nested too deeply (limit " + maxDepth + ")");
        }
    }

    private void Advance() => position++;

    private bool Accept(string op)
    {
        if (Current.Kind == TokenKind.Operator && Current.Text == op)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string text)
    {
        if (!Current.Is(text))
        {
            throw new SyntaxException(Current.Column, Current.Kind == TokenKind.End ? "unexpected end of expression, expected '" + text + "'" : "invalid syntax, expected '" + text + "'");
        }

        position++;
    }

    private bool IsKeyword(string word) => Current.Kind == TokenKind.Name && Current.Text == word;

    private bool IsExpressionEnd() =>
        Current.Kind == TokenKind.End || Current.Is(")") || Current.Is("]") || Current.Is("}") || Current.Is(":") || Current.Is("=");

    private static bool IsReserved(string name) => name is "and" or "or" or "not" or "in" or "is" or "if" or "else" or "for"
        or "lambda" or "None" or "True" or "False" or "def" or "class" or "return" or "import" or "from" or "as" or "with"
        or "while" or "yield" or "await" or "async" or "del" or "pass" or "raise" or "try" or "except" or "finally"
        or "global" or "nonlocal" or "assert" or "break" or "continue" or "elif";
}
