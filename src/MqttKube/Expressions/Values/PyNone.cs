namespace MqttKube.Expressions;

internal sealed class PyNone : PyValue
{
    public static readonly PyNone Instance = new();

    private PyNone()
    {
    }

    public override string TypeName => "NoneType";

    public override bool IsTruthy => false;

    public override void WriteRepr(TextBuilder writer) => writer.Append("None");
}
