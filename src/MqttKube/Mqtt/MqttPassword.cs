using MqttKube.Configuration;

namespace MqttKube.Mqtt;

/// <summary>The basic-auth password to send (the config loader has applied <c>MQTT_KUBE_MQTT_PASSWORD</c> already).</summary>
internal static class MqttPassword
{
    /// <summary>The configured password, else the password file's content (read on every connection attempt).</summary>
    /// <exception cref="IOException">The password file cannot be read.</exception>
    public static string? Read(AuthConfig auth)
    {
        ArgumentNullException.ThrowIfNull(auth);
        if (auth.Password is not null)
        {
            return auth.Password;
        }

        return auth.PasswordFile is null ? null : TrimTrailingNewline(InputFile.ReadText(auth.PasswordFile.Path));
    }

    /// <summary>Removes trailing CR/LF characters (files written by <c>echo</c> or editors end with one).</summary>
    public static string TrimTrailingNewline(string text) => text.TrimEnd('\r', '\n');
}
