using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tuoyu.Web.Common.Time;

namespace Tuoyu.Web.Common.Data;

/// <summary>Stores a <see cref="YearMonth"/> as the integer yyyymm, so months compare and sort in SQL.</summary>
internal sealed class YearMonthConverter() : ValueConverter<YearMonth, int>(m => m.ToNumber(), n => YearMonth.FromNumber(n));
