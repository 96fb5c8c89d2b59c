using MqttKube.Mqtt;

namespace MqttKube.Tests.Mqtt;

public sealed class MqttPasswordTests
{
    static readonly MqttOptions Basic = new() { Auth = new MqttAuthOptions { Kind = MqttAuthKind.Basic, Username = "u", PasswordFile = "/nowhere" } };

    [Fact]
    public void EnvironmentOverridesTheConfiguredPassword()
    {
        var options = MqttPassword.ApplyEnvironment(Basic, name => name == "MQTT_KUBE_MQTT_PASSWORD" ? "from-env" : null);

        Assert.Equal("from-env", MqttPassword.Read(options.Auth));
    }

    [Fact]
    public void UnsetOrEmptyEnvironmentChangesNothing()
    {
        Assert.Same(Basic, MqttPassword.ApplyEnvironment(Basic, _ => null));
        Assert.Same(Basic, MqttPassword.ApplyEnvironment(Basic, _ => string.Empty));
    }

    [Fact]
    public void EnvironmentDoesNotTurnAnonymousIntoBasic()
    {
        var anonymous = new MqttOptions();

        Assert.Equal(MqttAuthKind.None, MqttPassword.ApplyEnvironment(anonymous, _ => "x").Auth.Kind);
    }

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
            var auth = new MqttAuthOptions { Kind = MqttAuthKind.Basic, Username = "u", PasswordFile = file };

            Assert.Equal(expected, MqttPassword.Read(auth));
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
    public void A_password_file_or_CA_file_that_is_not_a_regular_file_is_an_error_naming_it(string path, string reason)
    {
        var auth = new MqttAuthOptions { Kind = MqttAuthKind.Basic, Username = "u", PasswordFile = path };

        var password = Assert.Throws<IOException>(() => MqttPassword.Read(auth));
        var ca = Assert.Throws<IOException>(() => MqttTls.LoadCaFile(path));
        var client = Assert.Throws<IOException>(() => MqttTls.LoadClientCertificate(path, path, null));

        foreach (var error in new[] { password, ca, client })
        {
            Assert.Equal($"{path}: {reason}, not a regular file", error.Message);
        }
    }

    [Fact]
    public void ConfiguredPasswordWinsOverThePasswordFile()
    {
        var auth = new MqttAuthOptions { Kind = MqttAuthKind.Basic, Username = "u", Password = "inline", PasswordFile = "/nowhere" };

        Assert.Equal("inline", MqttPassword.Read(auth));
    }

    [Theory]
    [InlineData(false, false, null, 1883)]
    [InlineData(true, false, null, 8883)]
    [InlineData(false, true, null, 8883)]
    [InlineData(true, false, 1234, 1234)]
    public void DefaultPortFollowsTls(bool tls, bool mtls, int? port, int expected)
    {
        var options = new MqttOptions
        {
            Port = port,
            Tls = tls ? new MqttTlsOptions() : null,
            Auth = mtls ? new MqttAuthOptions { Kind = MqttAuthKind.Mtls } : MqttAuthOptions.None,
        };

        Assert.Equal(expected, options.EffectivePort);
    }
}
