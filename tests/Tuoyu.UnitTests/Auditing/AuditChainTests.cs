using Tuoyu.Web.Common.Auditing;

namespace Tuoyu.UnitTests.Auditing;

/// <summary>The hash chain protects audit records against change (MLPS level 3; security.md).</summary>
public sealed class AuditChainTests
{
    private static readonly string PrevHash = new('a', 64);

    private static AuditEntry Entry(
        long id = 42,
        DateTime? at = null,
        Guid? userId = null,
        string? userName = "regulator.furong",
        string action = "read",
        string entityType = "Child",
        string? entityId = "7d4e2f0c-1b5a-4c9e-8f31-2a6b0c9d1e77",
        string? summary = "{\"fields\":[\"IdNumberMasked\"]}",
        string outcome = "success",
        string? clientIp = "127.0.0.1") => new()
        {
            Id = id,
            At = at ?? new DateTime(2025, 5, 1, 8, 30, 15, DateTimeKind.Utc),
            UserId = userId ?? new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"),
            UserName = userName,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Summary = summary,
            Outcome = outcome,
            ClientIp = clientIp,
        };

    [Fact]
    public void AuditChain_hash_is_deterministic_lower_case_sha256_hex()
    {
        var first = AuditChain.ComputeHash(PrevHash, 7, Entry());
        var second = AuditChain.ComputeHash(PrevHash, 7, Entry());

        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    public static TheoryData<string, AuditEntry> ChangedEntries => new()
    {
        { "Id", Entry(id: 43) },
        { "At", Entry(at: new DateTime(2025, 5, 1, 8, 30, 16, DateTimeKind.Utc)) },
        { "At (microsecond)", Entry(at: new DateTime(2025, 5, 1, 8, 30, 15, DateTimeKind.Utc).AddTicks(10)) },
        { "UserId", Entry(userId: new Guid("1f8fad5b-d9cb-469f-a165-70867728950e")) },
        { "UserName", Entry(userName: "regulator.yuelu") },
        { "UserName (null)", Entry(userName: null) },
        { "Action", Entry(action: "reveal_id_number") },
        { "EntityType", Entry(entityType: "Institution") },
        { "EntityId", Entry(entityId: "8d4e2f0c-1b5a-4c9e-8f31-2a6b0c9d1e77") },
        { "Summary", Entry(summary: "{\"fields\":[\"Allergies\"]}") },
        { "Outcome", Entry(outcome: "denied") },
        { "ClientIp", Entry(clientIp: "10.0.0.8") },
    };

    [Theory]
    [MemberData(nameof(ChangedEntries))]
    public void AuditChain_hash_changes_when_any_content_field_changes(string field, AuditEntry changed)
    {
        var original = AuditChain.ComputeHash(PrevHash, 7, Entry());

        Assert.True(original != AuditChain.ComputeHash(PrevHash, 7, changed), $"{field} is not covered by the hash");
    }

    [Fact]
    public void AuditChain_hash_depends_on_the_previous_hash()
    {
        Assert.NotEqual(
            AuditChain.ComputeHash(AuditChain.Genesis, 7, Entry()),
            AuditChain.ComputeHash(PrevHash, 7, Entry()));
    }

    [Fact]
    public void AuditChain_hash_depends_on_the_chain_index()
    {
        Assert.NotEqual(
            AuditChain.ComputeHash(PrevHash, 7, Entry()),
            AuditChain.ComputeHash(PrevHash, 8, Entry()));
    }

    [Fact]
    public void AuditChain_hash_does_not_depend_on_the_seal_fields_it_produces()
    {
        var entry = Entry();
        var before = AuditChain.ComputeHash(PrevHash, 7, entry);
        entry.ChainIndex = 7;
        entry.PrevHash = PrevHash;
        entry.Hash = before;

        Assert.Equal(before, AuditChain.ComputeHash(PrevHash, 7, entry));
    }

    [Fact]
    public void AuditChain_hash_does_not_let_fields_shift_into_each_other()
    {
        // The unit separator between fields keeps "ab"+"c" apart from "a"+"bc".
        Assert.NotEqual(
            AuditChain.ComputeHash(PrevHash, 7, Entry(action: "read", entityType: "Child")),
            AuditChain.ComputeHash(PrevHash, 7, Entry(action: "readC", entityType: "hild")));
    }
}
