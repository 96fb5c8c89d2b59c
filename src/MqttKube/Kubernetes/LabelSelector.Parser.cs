namespace MqttKube.Kubernetes;

internal sealed partial class LabelSelector
{
    /// <summary>A recursive-descent parser over the API server's tokens: identifiers, <c>! = == != ( ) ,</c>, in, notin.</summary>
    private sealed class Parser(string text)
    {
        private int position;

        public string? Error { get; private set; }

        public int ErrorColumn { get; private set; }

        public List<LabelRequirement> Parse()
        {
            var requirements = new List<LabelRequirement>();
            SkipSpace();
            if (position == text.Length)
            {
                Fail("a label selector must not be empty");
                return requirements;
            }

            while (Error is null)
            {
                if (Requirement() is { } requirement)
                {
                    requirements.Add(requirement);
                }

                SkipSpace();
                if (Error is not null || position == text.Length)
                {
                    break;
                }

                if (text[position] != ',')
                {
                    Fail($"expected ',' or the end, found '{text[position]}'");
                    break;
                }

                position++;
            }

            return requirements;
        }

        private LabelRequirement? Requirement()
        {
            SkipSpace();
            if (Peek('!') && !Peek("!="))
            {
                position++;
                var negated = Key();
                return negated is null ? null : new LabelRequirement(negated, LabelOperator.DoesNotExist, []);
            }

            var key = Key();
            if (key is null)
            {
                return null;
            }

            SkipSpace();
            if (position == text.Length || text[position] == ',')
            {
                return new LabelRequirement(key, LabelOperator.Exists, []);
            }

            if (Peek("!=") || Peek("==") || Peek('='))
            {
                var op = Peek("!=") ? LabelOperator.NotEquals : LabelOperator.Equals;
                position += Peek("!=") || Peek("==") ? 2 : 1;
                SkipSpace();
                var value = Value();
                return value is null ? null : new LabelRequirement(key, op, [value]);
            }

            if (Peek('<') || Peek('>'))
            {
                Fail("the operators < and > are not supported; use =, ==, !=, in, notin, a key alone or !key");
                return null;
            }

            var start = position;
            var word = Word();
            if (word is not ("in" or "notin"))
            {
                position = start;
                Fail($"expected =, ==, !=, in or notin after '{key}'");
                return null;
            }

            var values = Set();
            return values is null ? null : new LabelRequirement(key, word == "in" ? LabelOperator.In : LabelOperator.NotIn, values);
        }

        private List<string>? Set()
        {
            SkipSpace();
            if (!Peek('('))
            {
                Fail("expected '(' and a list of values");
                return null;
            }

            position++;
            var values = new List<string>();
            while (true)
            {
                SkipSpace();
                var value = Value();
                if (value is null)
                {
                    return null;
                }

                values.Add(value);
                SkipSpace();
                if (Peek(')'))
                {
                    position++;
                    break;
                }

                if (!Peek(','))
                {
                    Fail(position == text.Length ? "expected ')' to close the list of values" : $"expected ',' or ')', found '{text[position]}'");
                    return null;
                }

                position++;
            }

            if (values.All(v => v.Length == 0))
            {
                Fail("the list of values of in or notin must not be empty");
                return null;
            }

            return values;
        }

        private string? Key()
        {
            SkipSpace();
            var start = position;
            var key = Word();
            if (key.Length == 0)
            {
                Fail(position == text.Length ? "expected a label key, found the end" : $"expected a label key, found '{text[position]}'");
                return null;
            }

            if (KeyProblem(key) is { } problem)
            {
                position = start;
                Fail(problem);
                return null;
            }

            return key;
        }

        private string? Value()
        {
            var start = position;
            var value = Word();
            if (ValueProblem(value) is { } problem)
            {
                position = start;
                Fail(problem);
                return null;
            }

            return value;
        }

        /// <summary>An identifier: up to whitespace or one of <c>! = , ( ) &lt; &gt;</c>.</summary>
        private string Word()
        {
            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]) && text[position] is not ('!' or '=' or ',' or '(' or ')' or '<' or '>'))
            {
                position++;
            }

            return text[start..position];
        }

        private void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private bool Peek(char c) => position < text.Length && text[position] == c;

        private bool Peek(string s) => string.CompareOrdinal(text, position, s, 0, s.Length) == 0;

        private void Fail(string message)
        {
            if (Error is null)
            {
                Error = message;
                ErrorColumn = position + 1;
            }
        }
    }
}
