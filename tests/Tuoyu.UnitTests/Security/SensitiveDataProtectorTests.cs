using System.Security.Cryptography;
using Tuoyu.Web.Common.Security;

namespace Tuoyu.UnitTests.Security;

/// <summary>AES-256-GCM at rest and HMAC-SHA256 for de-duplication (GB/T 35273; security.md).</summary>
public sealed class SensitiveDataProtectorTests
{
    private static readonly byte[] DataKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] HashKey = Enumerable.Range(101, 32).Select(i => (byte)i).ToArray();

    private static SensitiveDataProtector Protector(byte[]? dataKey = null, byte[]? hashKey = null) =>
        new(dataKey ?? DataKey, hashKey ?? HashKey);

    [Theory]
    [InlineData("430102201901011233")]
    [InlineData("11010519491231002X")]
    [InlineData("")]
    [InlineData("欧阳明月 鸡蛋过敏")]
    public void SensitiveDataProtector_decrypts_what_it_encrypted(string plain)
    {
        var protector = Protector();

        var cipher = protector.Encrypt(plain);

        Assert.Equal(plain, protector.Decrypt(cipher));
    }

    [Fact]
    public void SensitiveDataProtector_does_not_store_the_value_in_clear()
    {
        var cipher = Protector().Encrypt("430102201901011233");

        Assert.DoesNotContain("430102201901011233", cipher, StringComparison.Ordinal);
        Assert.DoesNotContain("430102201901011233", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cipher)), StringComparison.Ordinal);
    }

    [Fact]
    public void SensitiveDataProtector_gives_two_different_ciphertexts_for_the_same_value()
    {
        // A random 12-byte nonce per encryption: equal values must not be recognisable in the database.
        var protector = Protector();

        var first = protector.Encrypt("430102201901011233");
        var second = protector.Encrypt("430102201901011233");

        Assert.NotEqual(first, second);
        Assert.NotEqual(Convert.FromBase64String(first)[..12], Convert.FromBase64String(second)[..12]);
    }

    [Fact]
    public void SensitiveDataProtector_cannot_decrypt_with_another_key()
    {
        var cipher = Protector().Encrypt("430102201901011233");
        var otherKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

        Assert.ThrowsAny<CryptographicException>(() => Protector(dataKey: otherKey).Decrypt(cipher));
    }

    [Fact]
    public void SensitiveDataProtector_detects_a_tampered_ciphertext()
    {
        var protector = Protector();
        var bytes = Convert.FromBase64String(protector.Encrypt("430102201901011233"));
        bytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void SensitiveDataProtector_hash_is_deterministic_for_one_key()
    {
        var hash = Protector().Hash("430102201901011233");

        Assert.Equal(hash, Protector().Hash("430102201901011233"));
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.NotEqual(hash, Protector().Hash("430102201901011241"));
    }

    [Fact]
    public void SensitiveDataProtector_hash_differs_across_keys()
    {
        var otherKey = Enumerable.Range(102, 32).Select(i => (byte)i).ToArray();

        Assert.NotEqual(Protector().Hash("430102201901011233"), Protector(hashKey: otherKey).Hash("430102201901011233"));
    }

    [Fact]
    public void SensitiveDataProtector_hash_does_not_depend_on_the_encryption_key()
    {
        var otherDataKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(Protector().Hash("430102201901011233"), Protector(dataKey: otherDataKey).Hash("430102201901011233"));
    }

    [Theory]
    [InlineData(0, 32)]
    [InlineData(16, 32)]
    [InlineData(31, 32)]
    [InlineData(33, 32)]
    [InlineData(32, 0)]
    [InlineData(32, 16)]
    [InlineData(32, 64)]
    public void SensitiveDataProtector_rejects_keys_that_are_not_32_bytes(int dataKeyLength, int hashKeyLength)
    {
        Assert.Throws<ArgumentException>(() => new SensitiveDataProtector(new byte[dataKeyLength], new byte[hashKeyLength]));
    }
}
