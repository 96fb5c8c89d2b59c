using System.Numerics;

namespace MqttKube.Expressions;

/// <summary>A Python value. Values are immutable; equality and ordering follow CPython (see <see cref="PyOps"/>).</summary>
internal abstract partial class PyValue
{
    public static PyValue None => PyNone.Instance;

    public static PyValue True => PyBool.True;

    public static PyValue False => PyBool.False;

    /// <summary>The Python type name (<c>int</c>, <c>str</c>, <c>dict</c>...), as error messages print it.</summary>
    public abstract string TypeName { get; }

    /// <summary>Python truthiness (<c>bool(x)</c>).</summary>
    public abstract bool IsTruthy { get; }

    /// <summary>
    /// Python <c>repr(x)</c>. Inside an evaluation it is charged and limited to <see cref="PyOps.MaxLength"/>
    /// characters (LimitExceeded); an evaluation's result always fits (see <see cref="ResultSize"/>).
    /// </summary>
    public string Repr()
    {
        var writer = new TextBuilder();
        WriteRepr(writer);
        return writer.ToString();
    }

    /// <summary>The repr cut after <paramref name="maxLength"/> characters (then "..."), for error messages.</summary>
    public string ShortRepr(int maxLength = 200)
    {
        var writer = TextBuilder.Truncating(maxLength);
        WriteRepr(writer);
        return writer.ToString();
    }

    /// <summary>Appends the repr to <paramref name="writer"/>.</summary>
    public abstract void WriteRepr(TextBuilder writer);

    /// <summary>Python <c>str(x)</c>.</summary>
    public virtual string Str() => Repr();

    public override string ToString() => Repr();

    public static PyValue From(long value) => PyInt.From(value);

    public static PyValue From(BigInteger value) => PyInt.From(value);

    public static PyValue From(double value) => new PyFloat(value);

    public static PyValue From(bool value) => value ? PyBool.True : PyBool.False;

    /// <summary>A str, or None for null.</summary>
    public static PyValue From(string? value) => value is null ? PyNone.Instance : new PyStr(value);

    public static PyValue List(IEnumerable<PyValue> items) => new PyList([.. items]);

    public static PyValue Tuple(IEnumerable<PyValue> items) => new PyTuple([.. items]);

    /// <summary>A dict with string keys, in the given order (a later duplicate key replaces the value in place).</summary>
    public static PyValue Dict(IEnumerable<KeyValuePair<string, PyValue>> items)
    {
        var builder = new PyDict.Builder();
        foreach (var (key, value) in items)
        {
            builder.Set(new PyStr(key), value);
        }

        return builder.Build();
    }
}
