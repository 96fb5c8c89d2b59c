namespace MqttKube.Expressions;

/// <summary>
/// A Python exception raised inside an evaluation. It never leaves <see cref="Expression"/>: the entry points turn it
/// into an <see cref="EvaluationResult"/> error.
/// </summary>
internal sealed class PyException : Exception
{
    public PyException(string pythonType, string message)
        : base(message) => PythonType = pythonType;

    /// <summary>The CPython exception class name (<c>TypeError</c>, <c>ZeroDivisionError</c>...).</summary>
    public string PythonType { get; }

    public static PyException Type(string message) => new("TypeError", message);

    public static PyException Value(string message) => new("ValueError", message);

    public static PyException Overflow(string message) => new("OverflowError", message);

    public static PyException ZeroDivision(string message) => new("ZeroDivisionError", message);

    public static PyException Index(string message) => new("IndexError", message);

    public static PyException Key(PyValue key) => new("KeyError", key.ShortRepr());

    public static PyException Attribute(string message) => new("AttributeError", message);

    public static PyException Name(string name) => new("NameError", "name '" + name + "' is not defined");

    /// <summary>A sandbox limit (steps, depth, size); CPython has no such error, so it has its own name.</summary>
    public static PyException Limit(string message) => new("LimitExceeded", message);
}
