namespace MqttKube.Expressions;

/// <summary>
/// What any exception thrown inside an evaluation means to the user: a Python exception name and a message (cut to
/// <see cref="MaxMessageLength"/> characters: a message may quote a value, and it ends up in a log line).
/// </summary>
internal static class EvaluationErrors
{
    public const int MaxMessageLength = 500;

    public static (string Type, string Message) Describe(Exception exception)
    {
        var (type, message) = Classify(exception);
        return (type, message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "...");
    }

    private static (string Type, string Message) Classify(Exception exception) => exception switch
    {
        PyException e => (e.PythonType, e.Message),
        InsufficientExecutionStackException => ("LimitExceeded", "evaluation nested too deeply"),
        OutOfMemoryException => ("MemoryError", "out of memory"),
        OverflowException e => ("OverflowError", e.Message),
        DivideByZeroException e => ("ZeroDivisionError", e.Message),

        // A defect in the interpreter must not take the service down: it is an evaluation error like any other.
        _ => ("InternalError", exception.GetType().Name + ": " + exception.Message),
    };
}
