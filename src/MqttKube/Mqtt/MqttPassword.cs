namespace MqttKube.Mqtt;

/// <summary>Where the basic-auth password comes from: environment, config value, or password file.</summary>
internal static class MqttPassword
{
    /// <summary>Overrides the configured password (basic auth only).</summary>
    public const string EnvironmentVariable = "MQTT_KUBE_MQTT_PASSWORD";

    /// <summary>
    /// Returns <paramref name="options"/> with the password from <see cref="EnvironmentVariable"/> when it is set,
    /// not empty, and the auth type is basic; otherwise the options unchanged.
    /// </summary>
    public static MqttOptions ApplyEnvironment(MqttOptions options, Func<string, string?>? getEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = (getEnvironment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        if (string.IsNullOrEmpty(value) || options.Auth.Kind != MqttAuthKind.Basic)
        {
            return options;
        }

        return options with { Auth = options.Auth with { Password = value, PasswordFile = null } };
    }

    /// <summary>The password to send: <see cref="MqttAuthOptions.Password"/>, else the password file's content.</summary>
    /// <exception cref="IOException">The password file cannot be read.</exception>
    public static string? Read(MqttAuthOptions auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (auth.Password is not null)
        {
            return auth.Password;
        }

        return auth.PasswordFile is null ? null : TrimTrailingNewline(Configuration.InputFile.ReadText(auth.PasswordFile));
    }

    /// <summary>Removes trailing CR/LF characters (files written by <c>echo</c> or editors end with one).</summary>
    public static string TrimTrailingNewline(string text) => text.TrimEnd('\r', '\n');
}
