using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Tuoyu.BrowserTests;

/// <summary>Issue #4 "done when": a carer checks in a class, records a health check and a daily note; the parent signs in and sees them.</summary>
public sealed class AttendanceTests(TuoyuSite site) : BrowserTest(site)
{
    [Fact]
    public Task A_carer_checks_in_records_the_morning_check_and_a_note_and_the_parent_sees_them() => InBrowserAsync(async page =>
    {
        // The parent's child and its class, as the parent's own page shows them.
        await SignInAsync(page, "parent0001");
        await page.GotoAsync("/my/children");
        var card = page.GetByTestId("my-child").First;
        var child = await card.GetAttributeAsync("data-child") ?? throw new InvalidOperationException("no child on the parent's page");
        var where = await card.Locator(".card-subtitle").InnerTextAsync();
        var className = where.Split(" · ")[1].Trim();
        await SignOutAsync(page);

        // The carer opens the class, checks in one child with a temperature and a finding, then the rest of the class at once.
        await SignInAsync(page, "carer0001");
        await page.GotoAsync("/attendance");
        await page.Locator($"[data-testid=class-list] [data-class='{className}']").ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync(className);
        var row = page.Locator($"[data-testid=roster] tr[data-child='{child}']").First;
        await row.Locator("input[aria-label=体温]").FillAsync("37.6");
        await row.Locator("select[aria-label=晨检]").SelectOptionAsync(new SelectOptionValue { Label = "咳嗽" });
        await row.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("attendance-message")).ToHaveTextAsync("已签到");
        row = page.Locator($"[data-testid=roster] tr[data-child='{child}']").First;
        await Expect(row).ToContainTextAsync("在园");
        await Expect(row).ToContainTextAsync("37.6℃");
        await Expect(row).ToContainTextAsync("咳嗽");
        if (await page.GetByTestId("class-check-in").CountAsync() > 0)
        {
            await page.GetByTestId("class-check-in").ClickAsync();
            await Expect(page.GetByTestId("attendance-message")).ToContainTextAsync("全班签到完成");
        }

        await Expect(page.GetByTestId("class-check-in")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("ratio")).ToContainTextAsync("在岗保育人员");

        // The daily note, in a few taps.
        await page.Locator($"[data-testid=roster] tr[data-child='{child}']").First.GetByRole(AriaRole.Link, new() { Name = "成长记录" }).ClickAsync();
        await page.Locator("#meals").SelectOptionAsync(new SelectOptionValue { Label = "全部吃完" });
        await page.Locator("#mood").SelectOptionAsync(new SelectOptionValue { Label = "愉快" });
        await page.Locator("#nap").FillAsync("90");
        await page.Locator("#text").FillAsync("今天和小朋友一起搭积木");
        await page.GetByTestId("save-note").ClickAsync();
        await Expect(page.GetByTestId("note-message")).ToContainTextAsync("已保存");
        await SignOutAsync(page);

        // The parent sees today's attendance, the morning check and the note.
        await SignInAsync(page, "parent0001");
        await page.GotoAsync("/my/children");
        var today = page.Locator($"[data-testid=my-child][data-child='{child}']").First;
        await Expect(today.GetByTestId("day-status")).ToHaveTextAsync("在园");
        await Expect(today.GetByTestId("day-health")).ToContainTextAsync("体温 37.6℃，咳嗽");
        await Expect(today.GetByTestId("day-note")).ToContainTextAsync("进餐：全部吃完");
        await Expect(today.GetByTestId("day-note")).ToContainTextAsync("午睡90分钟");
        await Expect(today.GetByTestId("day-note")).ToContainTextAsync("今天和小朋友一起搭积木");
    });

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/login"));
    }
}
