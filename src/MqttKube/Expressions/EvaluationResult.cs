namespace MqttKube.Expressions;

/// <summary>
/// The outcome of an evaluation: a value, or an error (CPython exception name and message). Errors are values;
/// nothing is thrown to the caller.
/// </summary>
internal readonly struct EvaluationResult
{
    private EvaluationResult(PyValue? value, string? errorType, string? errorMessage)
    {
        Value = value;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>The value, when <see cref="IsSuccess"/>.</summary>
    public PyValue? Value { get; }

    /// <summary><c>TypeError</c>, <c>ZeroDivisionError</c>, ... or <c>LimitExceeded</c> for a sandbox limit.</summary>
    public string? ErrorType { get; }

    public string? ErrorMessage { get; }

    public bool IsSuccess => Value is not null;

    /// <summary><c>TypeError: message</c>, or null on success.</summary>
    public string? Error => Value is null ? ErrorType + ": " + ErrorMessage : null;

    public static EvaluationResult Success(PyValue value) => new(value, null, null);

    public static EvaluationResult Failure(string errorType, string message) => new(null, errorType, message);

    public override string ToString() => Value?.Repr() ?? Error!;
}
