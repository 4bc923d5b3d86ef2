"""Default document authors: names office software writes into a file's metadata by itself.

Reg 40 (1) deems bids collusive when different bidders' documents were prepared by one person, and
the author recorded in a bid file's metadata is the first trace of that. But Word, WPS and the
pirated Windows images common on office PCs fill the author in from the computer's user name, so
thousands of unrelated people share "Administrator", "Windows 用户" or "YlmF" (the 雨林木风
Windows image). Two bids by "Administrator" show only that both PCs kept the default; counting
them would bury real same-author cases under noise. The same-author signal therefore ignores the
names below, compared after `collusion.normalise_text` (full-width folded, spacing next to Chinese
removed, case-insensitive). Keep the list to names that a machine writes, never a real person's
name; add a name when screening real bids shows it recurring across unrelated bidders.
"""

from __future__ import annotations

DEFAULT_DOCUMENT_AUTHORS: frozenset[str] = frozenset({
    # Windows and Office defaults (English and Chinese editions).
    "Administrator", "Admin", "User", "Users", "Owner", "PC", "Windows User", "Windows 用户",
    "Microsoft", "Microsoft Office User", "Microsoft Office 用户", "微软用户", "微软中国", "微软",
    "Windows", "USER-PC", "Admin-PC", "Administrator-PC", "WPS", "WPS 用户", "Kingsoft",
    # Pirated and "ghost" Windows images that set a fixed user or organisation name.
    "YlmF", "雨林木风", "番茄花园", "TomatoGarden", "深度", "深度技术", "Deepin", "DeepinXP",
    "萝卜家园", "电脑公司", "系统之家", "Sky123.Org", "China", "中国", "Chinese ORG", "MC SYSTEM",
    # Names preinstalled by PC makers.
    "Lenovo", "Lenovo User", "Dell", "HP", "HP Inc.", "Hewlett-Packard", "Acer", "ASUS", "ThinkPad",
    "Sony", "Toshiba", "Samsung", "Huawei", "Haier", "Founder", "方正", "联想", "Tongfang", "清华同方",
})
"""Author names written by software, as spelt in files (normalised before comparison)."""
