using MqttKube.Configuration;
using MqttKube.Mqtt;

namespace MqttKube.Tests.Mqtt;

/// <summary>The basic-auth password: the configured one, else the password file's (MQTT_KUBE_MQTT_PASSWORD is the config loader's).</summary>
public sealed class MqttPasswordTests
{
    [Theory]
    [InlineData("secret\n", "secret")]
    [InlineData("secret\r\n", "secret")]
    [InlineData("secret", "secret")]
    [InlineData(" spaced secret \n", " spaced secret ")]
    public void PasswordFileLosesOnlyItsTrailingNewline(string content, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, content);

            Assert.Equal(expected, MqttPassword.Read(Harness.Parse(1883, $"auth: {{type: basic, username: u, password-file: {file}}}").Auth));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_environment_replaces_the_password_file_once_in_the_config_loader()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "from-file");
            var config = Harness.Parse(1883, $"auth: {{type: basic, username: u, password-file: {file}}}", name => name == ConfigLoader.PasswordVariable ? "from-env" : null);

            Assert.Equal("from-env", MqttPassword.Read(config.Auth));
            Assert.Null(config.Auth.PasswordFile);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device")]
    [InlineData("/dev/urandom", "is a character device")]
    [InlineData("/tmp", "is a directory")]
    public void A_CA_file_or_client_certificate_that_is_not_a_regular_file_is_an_error_naming_it(string path, string reason)
    {
        var ca = Assert.Throws<IOException>(() => MqttTls.LoadCaFile(path));
        var client = Assert.Throws<IOException>(() => MqttTls.LoadClientCertificate(path, path, null));

        foreach (var error in new[] { ca, client })
        {
            Assert.Equal($"{path}: {reason}, not a regular file", error.Message);
        }
    }

    [Fact]
    public void ConfiguredPasswordWinsOverThePasswordFile()
    {
        var auth = new AuthConfig { Type = AuthType.Basic, Username = "u", Password = "inline" };

        Assert.Equal("inline", MqttPassword.Read(auth));
    }

    [Theory]
    [InlineData(false, false, null, 1883)]
    [InlineData(true, false, null, 8883)]
    [InlineData(false, true, null, 8883)]
    [InlineData(true, false, 1234, 1234)]
    public void DefaultPortFollowsTls(bool tls, bool mtls, int? port, int expected)
    {
        var config = new MqttConfig
        {
            Port = port,
            Tls = tls ? new TlsConfig() : null,
            Auth = mtls ? new AuthConfig { Type = AuthType.Mtls } : new AuthConfig(),
        };

        Assert.Equal(expected, config.EffectivePort);
    }
}
