namespace MqttKube.Cli;

/// <summary>One sub-command of the executable: <c>mqtt-kube NAME ...</c>.</summary>
internal interface ICommand
{
    string Name { get; }

    /// <summary>One line for the top-level help.</summary>
    string Summary { get; }

    /// <summary>The command's own <c>--help</c> text.</summary>
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr);
}
