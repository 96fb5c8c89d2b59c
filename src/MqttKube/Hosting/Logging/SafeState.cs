using System.Collections;

namespace MqttKube.Hosting.Logging;

/// <summary>
/// A log entry's state as formatters see it: the message escaped and cut, and each argument (what the JSON formatter
/// writes under <c>State</c>) escaped and cut the same way, and the error's reason as <c>Error</c>.
/// </summary>
internal sealed class SafeState(string message, KeyValuePair<string, object?>[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public string Message { get; } = message;

    public int Count => values.Length;

    public KeyValuePair<string, object?> this[int index] => values[index];

    /// <summary>The state of <paramref name="message"/>: the arguments of <paramref name="state"/>, then <c>Error</c> if any.</summary>
    public static SafeState Of(IReadOnlyList<KeyValuePair<string, object?>>? state, string message, string? error)
    {
        var list = state ?? [];
        var count = list.Count;
        var values = new KeyValuePair<string, object?>[error is null ? count : count + 1];
        if (error is not null)
        {
            values[count] = new("Error", error);
        }

        for (var i = 0; i < count; i++)
        {
            var (key, value) = list[i];
            values[i] = new(key, value switch
            {
                null or bool or int or long or double or float or decimal or short or byte or uint or ulong => value,
                _ when key == "{OriginalFormat}" => value,
                IFormattable formattable => LogText.Safe(formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture)),
                _ => LogText.Safe(value.ToString() ?? string.Empty),
            });
        }

        return new SafeState(message, values);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;
}
