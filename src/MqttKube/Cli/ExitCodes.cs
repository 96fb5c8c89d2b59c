namespace MqttKube.Cli;

/// <summary>Process exit codes (SPEC section 2).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Fatal = 1;
    public const int BadInput = 2;
}
