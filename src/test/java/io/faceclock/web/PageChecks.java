package io.faceclock.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * What the issue asks of every page besides its own work: labelled inputs, readable contrast
 * (WCAG AA: 4.5:1, large text 3:1) and keyboard use (every control reached with Tab, the focus
 * always shown), checked on the page as the browser draws it.
 */
final class PageChecks {

    private final Browser browser;

    PageChecks(Browser browser) {
        this.browser = browser;
    }

    void press(CharSequence key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    /** Presses Tab until the focus is on the element; fails when Tab never gets there. */
    void tabTo(String css) {
        for (int i = 0; i < 150; i++) {
            press(Keys.TAB);
            if (Boolean.TRUE.equals(browser.js("return document.activeElement.matches(arguments[0])", css))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + css);
    }

    /**
     * Every control on the page can be reached with Tab, and shows where the focus is: Tab from the
     * top until the focus comes round again, noting each control met and whether it was outlined.
     */
    void everyControlTakesTheKeyboard(String page) {
        long expected = (Long) browser.js("let n = 0; document.querySelectorAll('a[href], button, input, select, textarea')"
                + ".forEach(e => { delete e.dataset.kb; if (e.disabled || !e.getClientRects().length"
                + " || e.closest('[hidden]') || e.tabIndex < 0) return; e.dataset.kb = String(n++); }); return n;");
        assertTrue(expected > 0, page);
        browser.js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        Set<String> met = new HashSet<>();
        List<String> unmarked = new ArrayList<>();
        for (int i = 0; i < expected * 4 + 20 && met.size() < expected; i++) {
            press(Keys.TAB);
            @SuppressWarnings("unchecked")
            Map<String, Object> at = (Map<String, Object>) browser.js("const e = document.activeElement;"
                    + "const s = getComputedStyle(e); return { kb: e.dataset ? e.dataset.kb || null : null,"
                    + " outlined: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,"
                    + " what: e.tagName + '#' + e.id + ' ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + e.matches(':focus') + ' ' + (e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 40) };");
            if (at.get("kb") != null) {
                met.add((String) at.get("kb"));
                if (!Boolean.TRUE.equals(at.get("outlined"))) {
                    unmarked.add((String) at.get("what"));
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> missed = (List<String>) browser.js("return [...document.querySelectorAll('[data-kb]')]"
                + ".filter(e => !arguments[0].includes(e.dataset.kb)).map(e => e.tagName + '#' + e.id + ' '"
                + " + (e.textContent || '').trim().slice(0, 40))", new ArrayList<>(met));
        assertEquals(List.of(), missed, page + ": controls Tab never reached");
        assertEquals(List.of(), unmarked, page + ": controls that took the focus without showing it");
    }

    /** Every input has a label, and every text on the page is readable against its background (WCAG AA). */
    void labelledAndReadable(String page) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.js("return [...document.querySelectorAll('input, select, textarea')]"
                + ".filter(e => e.type !== 'hidden' && e.getClientRects().length && !(e.labels && e.labels.length)"
                + " && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')).map(e => e.tagName + '#' + e.id)");
        assertEquals(List.of(), unlabelled, page + ": inputs without a label");
        @SuppressWarnings("unchecked")
        List<String> faint = (List<String>) browser.js(CONTRAST);
        assertEquals(List.of(), faint, page + ": text too faint for its background");
    }

    private static final String CONTRAST = "const rgba = s => { const m = s.match(/[\\d.]+/g).map(Number);"
            + " return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };"
            + "const lum = c => { const [r, g, b] = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92"
            + " : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };"
            + "const under = e => { const layers = []; for (let x = e; x; x = x.parentElement) {"
            + " const c = rgba(getComputedStyle(x).backgroundColor); if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }"
            + " let base = [255, 255, 255]; for (const c of layers.reverse()) base = base.map((v, i) => c[i] * c[3] + v * (1 - c[3]));"
            + " return base; };"
            + "const faint = []; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "while (w.nextNode()) { const t = w.currentNode; const e = t.parentElement;"
            + " if (!t.textContent.trim() || !e || !e.getClientRects().length || e.closest('svg, [hidden], :disabled, option, script, style')) continue;"
            + " const s = getComputedStyle(e); if (s.visibility === 'hidden') continue;"
            + " const b = under(e); const f = rgba(s.color); const fg = [0, 1, 2].map(i => f[i] * f[3] + b[i] * (1 - f[3]));"
            + " const l1 = lum(fg), l2 = lum(b); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);"
            + " const size = parseFloat(s.fontSize); const large = size >= 24 || (parseInt(s.fontWeight) >= 700 && size >= 18.66);"
            + " if (ratio < (large ? 3 : 4.5)) faint.push(t.textContent.trim().slice(0, 40) + ' (' + ratio.toFixed(2) + ': '"
            + " + s.color + ' on rgb(' + b.map(Math.round) + '))'); }"
            + "return faint.slice(0, 12);";
}
