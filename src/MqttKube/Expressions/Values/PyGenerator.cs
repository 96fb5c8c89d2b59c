namespace MqttKube.Expressions;

/// <summary>A lazy generator expression: consumed once, like CPython's.</summary>
internal sealed class PyGenerator : PyValue
{
    private readonly IEnumerator<PyValue> source;

    public PyGenerator(IEnumerable<PyValue> source) => this.source = source.GetEnumerator();

    public override string TypeName => "generator";

    public override bool IsTruthy => true;

    public override void WriteRepr(TextBuilder writer) => writer.Append("<generator object <genexpr>>");

    public IEnumerable<PyValue> Drain()
    {
        while (source.MoveNext())
        {
            yield return source.Current;
        }
    }
}
