"""语音阅读 in real Chromium with a recording ``speechSynthesis``: each section starts on its own
button, sentences come from the data, noise is skipped, pause and resume work, and without a
Chinese voice (or when speaking fails) the reader is told 「本机没有可用的中文语音」."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

UNIT = "units/anlan-renmin-yiyuan/"
NO_VOICE = "本机没有可用的中文语音"

# Records what the page asks of speechSynthesis; nothing is spoken. ``window.__speech.voices``
# is what getVoices() answers; ``fail()`` makes the utterance being spoken fail.
STUB = """
(() => {
  const log = { spoken: [], calls: [], voices: [{ name: "stub", lang: "zh-CN" }], queue: [] };
  window.__speech = log;
  log.fail = () => { const u = log.queue.shift(); u && u.onerror && u.onerror({ error: "synthesis-failed" }); };
  log.finishAll = () => { while (log.queue.length) { const u = log.queue.shift(); u.onend && u.onend({}); } };
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  const synth = {
    speak(u) { log.spoken.push(u.text); log.queue.push(u); },
    cancel() { log.calls.push("cancel"); log.queue = []; },
    pause() { log.calls.push("pause"); },
    resume() { log.calls.push("resume"); },
    getVoices() { return log.voices; },
    addEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
})();
"""
NO_VOICES = "window.__speech.voices = [{ name: 'English', lang: 'en-US' }];"


@pytest.fixture
def unit_page(browser: Any, site_url: str) -> Iterator[Callable[..., Any]]:
    contexts = []

    def open_page(*, voices: bool = True) -> Any:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_init_script(STUB)
        if not voices:
            context.add_init_script(NO_VOICES)
        contexts.append(context)
        page = context.new_page()
        page.goto(site_url + UNIT)
        expect(page.locator(".jl-speak-section").first).to_be_visible()
        return page

    yield open_page
    for context in contexts:
        context.close()


def _spoken(page: Any) -> list[str]:
    return list(page.evaluate("window.__speech.spoken"))


def _section_button(page: Any, section: str) -> Any:
    return page.locator(f'.jl-speak-section[data-section="{section}"]')


def test_a_section_starts_on_its_own_button_with_sentences_from_the_data(
    unit_page: Callable[..., Any],
) -> None:
    page = unit_page()
    _section_button(page, "procedures").click()
    expect(_section_button(page, "procedures")).to_have_text("暂停朗读")
    spoken = _spoken(page)
    assert spoken[0] == "办事流程与办结时限"  # the section, not the page's top
    assert "病历复印，承诺 3个工作日办结，法定 7个工作日" in spoken
    assert "本院门诊病历（电子），承诺 1个工作日办结" in spoken
    assert "老年人门诊优先挂号，承诺 5分钟办结" in spoken
    assert not any("公开承诺" in s or s == "安澜县人民医院" for s in spoken)  # other sections


def test_the_summary_comes_first_and_noise_is_never_read(unit_page: Callable[..., Any]) -> None:
    page = unit_page()
    buttons = page.locator(".jl-speak-section")
    assert buttons.first.get_attribute("data-section") == "summary"
    sections = buttons.evaluate_all("all => all.map(b => b.getAttribute('data-section'))")
    assert len(sections) == len(set(sections)), sections  # one button a section, the card's too
    page.locator(".jl-toolbar .jl-speak").click()
    expect(page.locator(".jl-toolbar .jl-speak")).to_have_text("停止朗读")
    spoken = _spoken(page)
    assert spoken[0] == "安澜县人民医院"
    assert (
        "为老服务窗口：门诊大厅一楼 1 号窗口（老年人优先挂号窗口），可以优先挂号、缴费、代填表格、打印报告、轮椅借用、爱心陪诊"
        in spoken
    )
    assert spoken.index("安澜县人民医院") < spoken.index("办事流程与办结时限")
    noise = re.compile(r"[✓✗→]|https?:|www\.|@|\.yml|units/")
    assert [s for s in spoken if noise.search(s)] == []
    assert not any(re.search(r"\d{2}:\d{2}[^\d、\-，。；:：\s）)]", s) for s in spoken)  # 17:30冬季
    page.evaluate("window.__speech.finishAll()")
    expect(page.locator(".jl-toolbar .jl-speak")).to_have_text("语音阅读")


def test_pause_and_resume_on_the_sections_button(unit_page: Callable[..., Any]) -> None:
    page = unit_page()
    button = _section_button(page, "commitments")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    button.click()
    expect(button).to_have_text("继续朗读")
    button.click()
    expect(button).to_have_text("暂停朗读")
    assert page.evaluate("window.__speech.calls").count("pause") == 1
    assert page.evaluate("window.__speech.calls")[-1] == "resume"
    _section_button(page, "benefits").click()  # another section takes over
    expect(button).to_have_text("朗读本节")
    expect(_section_button(page, "benefits")).to_have_text("暂停朗读")


def test_no_chinese_voice_says_so_and_the_button_resets(unit_page: Callable[..., Any]) -> None:
    page = unit_page(voices=False)
    button = _section_button(page, "procedures")
    button.click()
    expect(page.get_by_role("status")).to_have_text(NO_VOICE)
    expect(button).to_have_text("朗读本节")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert _spoken(page) == []
    # told where she tapped, not at the top of the page thousands of pixels above
    expect(page.locator("#procedures + .jl-speech-message")).to_be_in_viewport()


def test_a_failed_utterance_says_so_and_the_button_resets(unit_page: Callable[..., Any]) -> None:
    page = unit_page()
    toolbar = page.locator(".jl-toolbar .jl-speak")
    toolbar.click()
    expect(toolbar).to_have_text("停止朗读")
    page.evaluate("window.__speech.fail()")
    expect(page.get_by_role("status")).to_have_text(NO_VOICE)
    expect(toolbar).to_have_text("语音阅读")
    expect(toolbar).to_have_attribute("aria-pressed", "false")


def test_a_page_without_speech_data_reads_its_section_line_by_line(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    context.add_init_script(STUB)
    try:
        page = context.new_page()
        page.goto(site_url + "plan/")
        button = page.locator('.jl-speak-section[data-section="principles"]')
        button.click()
        expect(button).to_have_text("暂停朗读")
        spoken = _spoken(page)
        assert spoken[:3] == ["二、基本原则", "（一）坚持为老主题", spoken[2]]
        assert spoken[2].startswith("坚持以人为本")
        assert "（二）坚持重在基层" in spoken  # each heading and paragraph its own sentence
        assert not any("三、范围对象" in s for s in spoken)  # the next section is not read
    finally:
        context.close()
