using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tuoyu.Web.Modules.Supervision.Domain;

/// <summary>An institution in a draw's frozen input. <see cref="RiskClass"/> is A, B, C, D or empty (unclassified).</summary>
public sealed record DrawInstitution(Guid Id, string Name, string RiskClass);

public sealed record DrawInspector(string Code, string Agency);

/// <summary>An inspector who may not be drawn for an institution; <see cref="Reason"/> is same_street or previous_draw.</summary>
public sealed record DrawRecusal(Guid InstitutionId, string InspectorCode, string Reason);

/// <summary>A sampling percentage for one risk class.</summary>
public sealed record DrawRatio(string RiskClass, int Percent);

/// <summary>Everything a draw depends on, published in full so anyone can re-run it.</summary>
public sealed record DrawInputs(
    string Algorithm, Guid PlanId, string PublicSeed, int TeamSize, int DefaultPercent, IReadOnlyList<DrawRatio> Ratios,
    IReadOnlyList<DrawInstitution> Institutions, IReadOnlyList<DrawInspector> Inspectors, IReadOnlyList<DrawRecusal> Recusals);

public sealed record DrawAssignment(Guid InstitutionId, IReadOnlyList<string> InspectorCodes);

public sealed record DrawResult(string SeedHex, IReadOnlyList<DrawAssignment> Assignments);

/// <summary>The pool cannot give an institution a full team once recused inspectors are left out.</summary>
public sealed class DrawPoolTooSmallException(Guid institutionId, int eligible, int teamSize)
    : Exception($"Institution {institutionId} has {eligible} eligible inspectors, {teamSize} needed.")
{
    public Guid InstitutionId { get; } = institutionId;
    public int Eligible { get; } = eligible;
}

/// <summary>
/// 双随机 draw, algorithm <c>tuoyu-draw-v1</c> (ADR 0030; the public page /public/draws/{id} states the same steps):
/// <list type="number">
/// <item>seed = SHA-256(UTF-8 of "tuoyu-draw-v1" + LF + plan id (lower-case, hyphenated) + LF + public seed).</item>
/// <item>Byte stream: SHA-256(seed ‖ counter as 8-byte big-endian), counter 0, 1, 2 …, blocks concatenated.
///   next() reads the next 8 bytes as a big-endian unsigned 64-bit integer; uniform(n) = next() mod n
///   (no rejection: the bias is below n / 2^64, under 10^-13 for any pool this size).</item>
/// <item>shuffle(list) is Fisher–Yates: for i from length−1 down to 1, j = uniform(i+1), swap items i and j.</item>
/// <item>Institutions sorted by id (lower-case text, ordinal) and grouped by risk class in the order A, B, C, D, unclassified.
///   For each non-empty group in that order: k = ceil(size × percent / 100) with the class's percent (or the default);
///   shuffle the group; take its first k.</item>
/// <item>The selected institutions sorted by id; inspectors sorted by code (ordinal). For each institution in that order:
///   the eligible inspectors are those without a recusal for it, in code order; fewer than the team size stops the draw;
///   otherwise shuffle them and take the first team-size as the team, in that order.</item>
/// </list>
/// Every random number comes from the one stream in the order above, so the result is a function of the inputs alone.
/// </summary>
public static class DoubleRandomDraw
{
    public const string Algorithm = "tuoyu-draw-v1";

    /// <summary>Risk classes in draw order; "" is unclassified.</summary>
    public static readonly IReadOnlyList<string> RiskClasses = ["A", "B", "C", "D", ""];

    public static byte[] Seed(Guid planId, string publicSeed) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(Algorithm + "\n" + planId.ToString("D", CultureInfo.InvariantCulture) + "\n" + publicSeed));

    /// <summary>ceil(size × percent / 100) in integers.</summary>
    public static int SampleSize(int size, int percent) => (size * percent + 99) / 100;

    public static DrawResult Run(DrawInputs inputs)
    {
        if (inputs.Algorithm != Algorithm) { throw new ArgumentException($"Unknown algorithm {inputs.Algorithm}."); }
        if (inputs.TeamSize < 2) { throw new ArgumentException("A team has at least two inspectors."); }
        var seed = Seed(inputs.PlanId, inputs.PublicSeed);
        var stream = new SeedStream(seed);
        var byId = inputs.Institutions.OrderBy(Key, StringComparer.Ordinal).ToList();
        var selected = new List<DrawInstitution>();
        foreach (var cls in RiskClasses)
        {
            var group = byId.Where(i => i.RiskClass == cls).ToList();
            if (group.Count == 0) { continue; }
            var percent = inputs.Ratios.FirstOrDefault(r => r.RiskClass == cls)?.Percent ?? inputs.DefaultPercent;
            stream.Shuffle(group);
            selected.AddRange(group.Take(SampleSize(group.Count, percent)));
        }

        var recused = inputs.Recusals.Select(r => (r.InstitutionId, r.InspectorCode)).ToHashSet();
        var inspectors = inputs.Inspectors.Select(i => i.Code).Order(StringComparer.Ordinal).ToList();
        var assignments = new List<DrawAssignment>();
        foreach (var institution in selected.OrderBy(Key, StringComparer.Ordinal))
        {
            var eligible = inspectors.Where(c => !recused.Contains((institution.Id, c))).ToList();
            if (eligible.Count < inputs.TeamSize) { throw new DrawPoolTooSmallException(institution.Id, eligible.Count, inputs.TeamSize); }
            stream.Shuffle(eligible);
            assignments.Add(new DrawAssignment(institution.Id, eligible.Take(inputs.TeamSize).ToList()));
        }

        return new DrawResult(Convert.ToHexStringLower(seed), assignments);
    }

    private static string Key(DrawInstitution i) => i.Id.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>SHA-256 in counter mode over the seed.</summary>
    private sealed class SeedStream(byte[] seed)
    {
        private readonly byte[] _input = [.. seed, .. new byte[8]];
        private byte[] _block = [];
        private int _offset;
        private ulong _counter;

        public ulong Next()
        {
            if (_offset + 8 > _block.Length)
            {
                BinaryPrimitives.WriteUInt64BigEndian(_input.AsSpan(seed.Length), _counter++);
                _block = SHA256.HashData(_input);
                _offset = 0;
            }

            var value = BinaryPrimitives.ReadUInt64BigEndian(_block.AsSpan(_offset, 8));
            _offset += 8;
            return value;
        }

        public int Uniform(int n) => (int)(Next() % (ulong)n);

        public void Shuffle<T>(IList<T> list)
        {
            for (var i = list.Count - 1; i >= 1; i--)
            {
                var j = Uniform(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        }
    }
}
