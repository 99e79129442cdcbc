using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Tuoyu.Web.Common.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "indicator_definitions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Numerator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Denominator = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Factor = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Decimals = table.Column<int>(type: "INTEGER", nullable: false),
                    LowerIsBetter = table.Column<bool>(type: "INTEGER", nullable: false),
                    DefinitionNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SeedClause = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_definitions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "indicator_targets",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: false),
                    BaselineYear = table.Column<int>(type: "INTEGER", nullable: true),
                    BaselineValue = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_indicator_targets", x => new { x.RegionCode, x.IndicatorCode, x.Year });
                    table.ForeignKey(
                        name: "FK_indicator_targets_indicator_definitions_IndicatorCode",
                        column: x => x.IndicatorCode,
                        principalTable: "indicator_definitions",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "indicator_definitions",
                columns: new[] { "Code", "BuiltIn", "Decimals", "DefinitionNote", "Denominator", "Factor", "LowerIsBetter", "Name", "Numerator", "SeedClause", "SortOrder", "Unit" },
                values: new object[,]
                {
                    { "carer_certification_rate", true, 1, "当日在职、证书在有效期内的保育人员 ÷ 当日在职保育人员（保育师、育婴员）× 100%。", "carers", 100m, false, "从业人员持证率", "certified_carers", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.9；株政办发〔2022〕23号 三（四）1；新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 13", 8, "%" },
                    { "demonstration_institutions", true, 0, "当日持有示范性称号（市级或区县级）的机构数。", null, 1m, false, "示范性托育机构数", "demonstration_institutions", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.4、三（十一）1", 14, "家" },
                    { "enrollment_rate", true, 2, "当日在托婴幼儿 ÷ 3岁以下婴幼儿数 × 100%（暂停入托的仍计在托）。", "children_under_3", 100m, false, "3岁以下婴幼儿入托率", "enrolled_children", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 一（二）3（2021年入托 0.94 万人 ÷ 19.2 万人）；新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 8", 6, "%" },
                    { "fee_income_ratio", true, 1, "全日托平均月收费 × 12 ÷ 居民人均可支配收入（年）× 100%；越低越好。", "disposable_income", 1200m, true, "托育服务平均价格占人均可支配收入比重", "avg_fullday_fee", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 7", 13, "%" },
                    { "filing_rate", true, 1, "当日已备案机构 ÷ 当日已开办的托育机构 × 100%。", "institutions", 100m, false, "托育机构登记备案率", "filed_institutions", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.3、三（十一）1", 9, "%" },
                    { "grade_coverage", true, 1, "当日持有等级评定的机构 ÷ 托育机构 × 100%。", "institutions", 100m, false, "托育机构等级覆盖率", "graded_institutions", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 14、二（五）3", 10, "%" },
                    { "inclusive_slot_share", true, 1, "当日持有普惠认定的机构的托位 ÷ 托位数 × 100%。", "slots", 100m, false, "普惠托位占比", "inclusive_slots", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.6；新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 4", 4, "%" },
                    { "medical_agreement_rate", true, 1, "当日有有效医育结合签约的机构 ÷ 托育机构 × 100%。", "institutions", 100m, false, "医疗机构签约指导率", "institutions_with_medical_agreement", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 10", 11, "%" },
                    { "public_slot_share", true, 1, "公办（含公建民营，不含幼儿园托班）托位 ÷ 托位数 × 100%。", "slots", 100m, false, "公办托位占比", "public_slots", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 一、主要目标及主要指标 3", 3, "%" },
                    { "slot_usage_rate", true, 1, "当日在托婴幼儿 ÷ 托位数 × 100%。", "slots", 100m, false, "托位使用率", "enrolled_children", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 9", 7, "%" },
                    { "slots_per_1000_residents", true, 2, "托位数 ÷ 常住人口 × 1000；托位为当日已开办机构的登记托位。", "resident_population", 1000m, false, "每千人口托位数", "slots", "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.5；株政办发〔2022〕23号 二、发展目标；新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 1", 1, "个" },
                    { "slots_per_1000_under3", true, 1, "托位数 ÷ 3岁以下婴幼儿数 × 1000。", "children_under_3", 1000m, false, "每千名3岁以下婴幼儿托位数", "slots", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 2", 2, "个" },
                    { "under2_slot_share", true, 1, "乳儿班与托小班的班额 ÷ 托位数 × 100%（班级按当前设置计）。", "slots", 100m, false, "2岁以下婴幼儿托位占比", "under2_slots", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 5、二（四）1", 5, "%" },
                    { "video_coverage", true, 1, "接入视频监管（云监管）的机构 ÷ 托育机构 × 100%（按当前登记信息）。", "institutions", 100m, false, "云监管覆盖率", "institutions_with_video", "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 17", 12, "%" }
                });

            migrationBuilder.InsertData(
                table: "indicator_targets",
                columns: new[] { "IndicatorCode", "RegionCode", "Year", "BaselineValue", "BaselineYear", "Source", "Value" },
                values: new object[,]
                {
                    { "slots_per_1000_residents", "000000000000", 2025, null, null, "《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》：2025年每千人口拥有3岁以下婴幼儿托位数4.5个", 4.5m },
                    { "carer_certification_rate", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 13：2024年目标值", 80m },
                    { "carer_certification_rate", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 13：2027年目标值", 90m },
                    { "enrollment_rate", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 8：2024年目标值", 20m },
                    { "enrollment_rate", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 8：2027年目标值", 24m },
                    { "fee_income_ratio", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 7：2024年目标值", 40m },
                    { "fee_income_ratio", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 7：2027年目标值", 40m },
                    { "grade_coverage", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 14：2024年目标值", 70m },
                    { "grade_coverage", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 14：2027年目标值", 90m },
                    { "inclusive_slot_share", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 4：2024年目标值", 80m },
                    { "inclusive_slot_share", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 4：2027年目标值", 90m },
                    { "medical_agreement_rate", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 10：2024年目标值", 100m },
                    { "medical_agreement_rate", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 10：2027年目标值", 100m },
                    { "public_slot_share", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 3：2024年目标值", 50m },
                    { "public_slot_share", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 3：2027年目标值", 60m },
                    { "slot_usage_rate", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 9：2024年目标值", 63m },
                    { "slot_usage_rate", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 9：2027年目标值", 65m },
                    { "slots_per_1000_residents", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 1：2024年目标值", 4.54m },
                    { "slots_per_1000_residents", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 1：2027年目标值", 4.9m },
                    { "slots_per_1000_under3", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 2：2024年目标值", 305m },
                    { "slots_per_1000_under3", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 2：2027年目标值", 370m },
                    { "under2_slot_share", "330624000000", 2024, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 5：2024年目标值", 8m },
                    { "under2_slot_share", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 5：2027年目标值", 12m },
                    { "video_coverage", "330624000000", 2027, null, null, "新昌县3岁以下婴幼儿照护服务事业高质量发展实施方案（2024—2027年）（征求意见稿） 主要指标 17：2027年所有托育机构“云监管”全覆盖", 100m },
                    { "carer_certification_rate", "430100000000", 2025, 80m, 2020, "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.9：从业人员持证上岗率 80% → 100%", 100m },
                    { "demonstration_institutions", "430100000000", 2025, 11m, 2020, "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.4：示范性婴幼儿照护服务机构数 11 → 30", 30m },
                    { "filing_rate", "430100000000", 2025, 6m, 2020, "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.3：托育机构登记备案率 6% → 60%", 60m },
                    { "inclusive_slot_share", "430100000000", 2025, 26m, 2020, "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.6：普惠性托位占比 26% → 60%", 60m },
                    { "slots_per_1000_residents", "430100000000", 2025, 1.9m, 2020, "长政发〔2022〕10号《长沙市“一老一小”整体解决方案》 二（二）具体指标表 2.5：每千人口托位数 1.9 → 4.5", 4.5m },
                    { "carer_certification_rate", "430200000000", 2025, null, null, "株政办发〔2022〕23号 三（四）1：实现从业人员持证上岗率达100%", 100m },
                    { "slots_per_1000_residents", "430200000000", 2025, null, null, "株政办发〔2022〕23号 二、发展目标：到2025年每千常住人口拥有婴幼儿托位数达到4.5个以上", 4.5m }
                });

            migrationBuilder.CreateIndex(
                name: "IX_indicator_targets_IndicatorCode",
                table: "indicator_targets",
                column: "IndicatorCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "indicator_targets");

            migrationBuilder.DropTable(
                name: "indicator_definitions");
        }
    }
}
