namespace MqttKube.Expressions;

/// <summary>The arguments of one builtin call: positional and keyword values, and the receiver of a method.</summary>
internal readonly ref struct CallArgs
{
    public CallArgs(Evaluator evaluator, string name, PyValue? self, ReadOnlySpan<PyValue> positional, ReadOnlySpan<KeyValuePair<string, PyValue>> named)
    {
        Evaluator = evaluator;
        Name = name;
        Self = self;
        Positional = positional;
        Named = named;
    }

    public Evaluator Evaluator { get; }

    public string Name { get; }

    public PyValue? Self { get; }

    public ReadOnlySpan<PyValue> Positional { get; }

    public ReadOnlySpan<KeyValuePair<string, PyValue>> Named { get; }

    public int Count => Positional.Length;

    public PyValue this[int index] => Positional[index];

    /// <summary>Checks the positional count and that every keyword is one of <paramref name="keywords"/>.</summary>
    public void Expect(int min, int max, params ReadOnlySpan<string> keywords)
    {
        if (Positional.Length < min || Positional.Length > max)
        {
            var expected = min == max ? min.ToString(System.Globalization.CultureInfo.InvariantCulture) : "at most " + max;
            if (Positional.Length < min)
            {
                expected = (min == max ? "exactly " : "at least ") + min;
            }

            throw PyException.Type(Name + "() takes " + expected + " positional arguments (" + Positional.Length + " given)");
        }

        foreach (var (key, _) in Named)
        {
            if (!keywords.Contains(key))
            {
                throw PyException.Type(Name + "() got an unexpected keyword argument '" + key + "'");
            }
        }
    }

    /// <summary>The argument at <paramref name="position"/>, or the keyword <paramref name="keyword"/>, or null.</summary>
    public PyValue? Get(int position, string? keyword = null)
    {
        var found = position >= 0 && position < Positional.Length ? Positional[position] : null;
        if (keyword is not null)
        {
            foreach (var (key, value) in Named)
            {
                if (key == keyword)
                {
                    if (found is not null)
                    {
                        throw PyException.Type(Name + "() got multiple values for argument '" + keyword + "'");
                    }

                    found = value;
                }
            }
        }

        return found;
    }

    /// <summary>The receiver of a method call.</summary>
    public T SelfAs<T>()
        where T : PyValue => (T)Self!;
}
