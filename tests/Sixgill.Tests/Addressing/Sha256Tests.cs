using System.Security.Cryptography;
using System.Text;
using Sixgill.Values;

namespace Sixgill.Tests.Addressing;

public sealed class Sha256Tests
{
    // FIPS 180-4 examples (NIST's SHA-256 example values) and the empty message.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Hashes_the_standard_examples(string message, string digest) =>
        Sha256.Hex(Encoding.ASCII.GetBytes(message)).ShouldBe(digest);

    [Fact]
    public void Agrees_with_the_platform_at_every_length_around_the_block_edges()
    {
        var random = new Random(6052);
        var mine = new byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var content = new byte[length];
            random.NextBytes(content);
            Sha256.InProcess(content, mine);
            Convert.ToHexStringLower(mine).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)), $"length {length}");
        }
    }

    [Fact]
    public void Agrees_with_the_platform_on_either_side_of_the_in_process_limit()
    {
        var content = new byte[Sha256.InProcessLimit + 1];
        new Random(20).NextBytes(content);
        Sha256.Hex(content).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        Sha256.Hex(content.AsSpan(0, Sha256.InProcessLimit)).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content.AsSpan(0, Sha256.InProcessLimit))));
    }
}
