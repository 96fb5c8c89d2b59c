using System.Runtime.InteropServices;

namespace MqttKube.Configuration;

internal static partial class InputFile
{
    private enum FileKind
    {
        Missing,
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Other,
    }

    /// <summary>
    /// What <paramref name="path"/> names, following symlinks, without opening it: <c>stat(2)</c> through the .NET
    /// runtime's own native shim (its <c>FileStatus</c> keeps the mode at a fixed offset and the file-type bits at
    /// fixed values), or, where that shim cannot be called, what <see cref="FileInfo"/> tells.
    /// </summary>
    private static FileKind Kind(string path, out long size)
    {
        size = 0;
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            try
            {
                var status = new byte[256];
                if (Stat(path, status) != 0)
                {
                    return FileKind.Missing;
                }

                size = BitConverter.ToInt64(status, 16);
                return (BitConverter.ToInt32(status, 4) & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.Fifo,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    0xC000 => FileKind.Socket,
                    _ => FileKind.Other,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                // fall through: the bounded read still stops a device at the limit
            }
        }

        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        var info = new FileInfo(path);
        size = info.Exists ? info.Length : 0;
        return info.Exists ? FileKind.Regular : FileKind.Missing;
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
