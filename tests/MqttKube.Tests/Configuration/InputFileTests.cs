using MqttKube.Configuration;

namespace MqttKube.Tests.Configuration;

/// <summary>The one reader of files a user names: regular files only, and never more than the limit.</summary>
public sealed class InputFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("mqtt-kube-inputfile-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_stream_that_never_ends_is_read_only_up_to_the_limit()
    {
        using var endless = new EndlessStream();

        Assert.Null(InputFile.ReadBounded(endless, 1000, out var error));
        Assert.Equal("the file is larger than 0 MB, the most a file may hold", error);
        Assert.Equal(1001, endless.Served); // one byte past the limit tells it is too large; no more is read
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_before_it_is_read()
    {
        var path = Path.Combine(dir, "big.yaml");
        File.WriteAllBytes(path, new byte[3 * 1024 * 1024]);

        Assert.False(InputFile.TryReadBytes(path, out _, out var error, maxBytes: 1024 * 1024));
        Assert.Equal("the file is 3.0 MB; a file may hold at most 1 MB", error);
        Assert.True(InputFile.TryReadBytes(path, out var bytes, out _));
        Assert.Equal(3 * 1024 * 1024, bytes.Length);
    }

    [Fact]
    public void Symlinks_to_a_regular_file_are_followed_and_dangling_ones_are_missing()
    {
        var target = Path.Combine(dir, "target.yaml");
        File.WriteAllText(target, "a: 1\n");
        var link = Path.Combine(dir, "link.yaml");
        File.CreateSymbolicLink(link, target);
        var dangling = Path.Combine(dir, "dangling.yaml");
        File.CreateSymbolicLink(dangling, Path.Combine(dir, "gone.yaml"));

        Assert.Null(InputFile.Problem(link));
        Assert.Equal("a: 1\n", InputFile.ReadText(link));
        Assert.Equal("no such file", InputFile.Problem(dangling));
        Assert.Equal($"{dangling}: no such file", Assert.Throws<IOException>(() => InputFile.ReadText(dangling)).Message);
    }

    [Theory]
    [InlineData("/dev/zero", "is a character device, not a regular file")]
    [InlineData("/dev/null", "is a character device, not a regular file")]
    [InlineData("/", "is a directory, not a regular file")]
    [InlineData("/no/such/file", "no such file")]
    public void Anything_but_a_regular_file_has_a_problem_named_for_what_it_is(string path, string problem) =>
        Assert.Equal(problem, InputFile.Problem(path));

    [Fact]
    public void Text_that_is_not_UTF_8_is_an_error_naming_the_file()
    {
        var path = Path.Combine(dir, "key.pem");
        File.WriteAllBytes(path, [0x30, 0x82, 0xff, 0xfe]);
        Assert.Equal($"{path}: the file is not UTF-8 text", Assert.Throws<IOException>(() => InputFile.ReadText(path)).Message);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
