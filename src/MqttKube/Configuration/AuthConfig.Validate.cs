using MqttKube.Configuration.Schema;
using MqttKube.Configuration.Yaml;

namespace MqttKube.Configuration;

internal sealed partial record AuthConfig
{
    private static readonly string[] BasicKeys = ["username", "password", "password-file"];
    private static readonly string[] MtlsKeys = ["cafile", "certfile", "keyfile", "keyfile_password", "keyfile-password", "protocols"];

    void IConfigValidation.Validate(YamlMapping node, ConfigBindContext context, string path)
    {
        var typeName = AuthTypeConfig.Name(Type);
        foreach (var (key, _) in node.Entries)
        {
            if (key is YamlScalar { Kind: YamlScalarKind.String } k && k.Value != "type")
            {
                var usedBy = BasicKeys.Contains(k.Value) ? "basic" : MtlsKeys.Contains(k.Value) ? "mtls" : null;
                if (usedBy is not null && usedBy != typeName)
                {
                    context.Error(key, $"'{path}.{k.Value}' belongs to auth type {usedBy}, but the type is {typeName}");
                }
            }
        }

        switch (Type)
        {
            case AuthType.Basic:
                if (Username is null)
                {
                    context.Error(node, $"'{path}' of type basic needs 'username'");
                }

                if (Password is not null && PasswordFile is not null)
                {
                    context.Error(node.Get("password-file") ?? node, $"'{path}' gives both 'password' and 'password-file'; keep one");
                }

                break;
            case AuthType.Mtls:
                if (Certfile is null || Keyfile is null)
                {
                    context.Error(node, $"'{path}' of type mtls needs 'certfile' and 'keyfile'");
                }

                break;
        }
    }
}
