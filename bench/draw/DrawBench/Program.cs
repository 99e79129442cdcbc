using System.Diagnostics;
using System.Globalization;
using Tuoyu.Web.Modules.Supervision.Domain;

// 双随机 draw benchmark (bench/draw/run.sh; issue #7: a draw over 10,000 institutions and 500 inspectors in < 1 s).
//   [institutions=10000] [inspectors=500] [percent=100] [runs=7]
// Times DoubleRandomDraw.Run — the pure algorithm the endpoint runs (ADR 0030) — on generated inputs: institutions in
// risk classes A–D (A drawn at 100 %, D at `percent` / 4), inspectors of four agencies, and a recusal for every
// inspector living in an institution's street (each inspector lives in one of 200 streets; institutions spread the same way).
var institutions = Arg(0, 10_000);
var inspectors = Arg(1, 500);
var percent = Arg(2, 100);
var runs = Arg(3, 7);
var rng = new Random(2026);
var classes = new[] { "A", "B", "C", "D" };
var agencies = new[] { "卫健", "教育", "市场监管", "消防" };
var insts = Enumerable.Range(0, institutions).Select(n => (Inst: new DrawInstitution(new Guid(rng.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 16)), "机构" + n, classes[rng.Next(4)]), Street: rng.Next(200))).ToList();
var insp = Enumerable.Range(0, inspectors).Select(n => (Insp: new DrawInspector(string.Create(CultureInfo.InvariantCulture, $"J{n:D4}"), agencies[n % 4]), Street: rng.Next(200))).ToList();
var byStreet = insp.ToLookup(i => i.Street);
var recusals = insts.SelectMany(i => byStreet[i.Street].Select(j => new DrawRecusal(i.Inst.Id, j.Insp.Code, "同街道"))).ToList();
var inputs = new DrawInputs(DoubleRandomDraw.Algorithm, Guid.NewGuid(), "bench-2026", 2, percent,
    [new DrawRatio("A", 100), new DrawRatio("D", Math.Max(1, percent / 4))], insts.Select(i => i.Inst).ToList(), insp.Select(i => i.Insp).ToList(), recusals);

var times = new List<double>();
DrawResult? result = null;
for (var r = 0; r <= runs; r++)
{
    var watch = Stopwatch.StartNew();
    result = DoubleRandomDraw.Run(inputs);
    watch.Stop();
    if (r > 0) { times.Add(watch.Elapsed.TotalMilliseconds); }
}

var sorted = times.Order().ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{institutions:N0} institutions, {inspectors:N0} inspectors, {recusals.Count:N0} recusals, {result!.Assignments.Count:N0} inspections drawn: " +
    $"median {sorted[sorted.Length / 2]:0.0} ms, max {sorted[^1]:0.0} ms over {runs} runs after one warm-up; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
return 0;

int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], CultureInfo.InvariantCulture) : fallback;
