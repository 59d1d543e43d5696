"""News feeds in the window: the refresher fetches the subscribed feeds in the background (at
start, then every half hour while the app runs), the feeds window subscribes and opens new
articles (Enter or a double-click)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.errors import AssistantError, message_text
from assistant.feeds import Feed, FeedEntry, FeedStore, FetchedFeed, fetch_feed
from ui.plain_text import plain_tooltip
from ui.tasks import TaskRunner

log = logging.getLogger(__name__)

ALL_FEEDS = "All feeds"
FEED = "feed"  # request keys: one per feed, "feed <url>"
NO_FEEDS = "Add the address of a news feed (RSS or Atom) to follow it."
# News sites update their feeds every few minutes; every half hour is polite and fresh enough.
REFRESH_SECONDS = 30 * 60


class FeedRefresher(QObject):
    """Fetches feeds on the runner's network lane and merges them into the store.

    `refresh_due` fetches the feeds not fetched for `interval` seconds (the store is the cache:
    a restart or an opened window within the half hour asks no server again); `start` does so
    at once and then on a timer every `interval`. `clock` is the time in seconds (a fake one in
    tests). A feed being fetched is not asked again until its answer is in.
    """

    fetched = Signal(str, str)  # a feed's URL and what became of it (one plain line)
    pending_changed = Signal(int)  # how many feeds are being fetched

    def __init__(self, store: FeedStore, runner: TaskRunner, interval: float = REFRESH_SECONDS,
                 clock: Callable[[], float] = time.time, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.interval = interval
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(int(interval * 1000))
        self.timer.timeout.connect(self.refresh_due)
        self._pending: set[str] = set()

    @property
    def pending(self) -> frozenset[str]:
        return frozenset(self._pending)

    def start(self) -> None:
        """Fetch what is due now, then again every `interval` while the app runs."""
        self.refresh_due()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def is_due(self, feed: Feed) -> bool:
        return feed.fetched_at is None or self.clock() - feed.fetched_at >= self.interval

    def refresh_due(self) -> list[str]:
        """Fetch every feed not fetched within `interval`; returns their URLs."""
        try:
            due = [feed.url for feed in self.store.feeds() if self.is_due(feed)]
        except AssistantError as error:
            log.warning("news feeds not refreshed: %s", error.message)
            return []
        for url in due:
            self.fetch(url)
        return due

    def refresh_all(self) -> None:
        """Fetch every feed, fetched lately or not (the learner asked: F5)."""
        try:
            feeds = self.store.feeds()
        except AssistantError as error:
            log.warning("news feeds not refreshed: %s", error.message)
            return
        for feed in feeds:
            self.fetch(feed.url)

    def fetch(self, url: str) -> None:
        if url in self._pending:
            return
        self._pending.add(url)
        self.pending_changed.emit(len(self._pending))
        self.runner.run(f"{FEED} {url}", lambda: fetch_feed(url),
                        lambda fetched: self._on_fetched(url, fetched),
                        lambda error: self._on_failed(url, error), lane="net")

    def _done(self, url: str, said: str) -> None:
        self._pending.discard(url)
        self.pending_changed.emit(len(self._pending))
        self.fetched.emit(url, said)

    def _on_fetched(self, url: str, fetched: FetchedFeed) -> None:
        try:
            new = self.store.merge(fetched, self.clock())
        except AssistantError as error:
            said = error.message
        else:
            said = (f"{message_text(fetched.title, 80)}: {new} new "
                    f"article{'s' if new != 1 else ''}.")
        self._done(url, said)

    def _on_failed(self, url: str, error: BaseException) -> None:
        message = error.message if isinstance(error, AssistantError) else str(error)
        self.store.failed(url, message)
        self._done(url, message_text(message, 300))


class FeedsWindow(QDialog):
    """File → News feeds: the feeds on the left, their articles (new ones bold) on the right."""

    open_requested = Signal(str)  # an article's URL
    fetched = Signal(str)  # a feed's URL, after its fetch was merged or failed

    def __init__(self, store: FeedStore, runner: TaskRunner, parent: QWidget | None = None,
                 refresher: FeedRefresher | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedsWindow")
        self.setWindowTitle("News feeds")
        self.resize(900, 520)
        self.store = store
        self.runner = runner
        self.refresher = refresher if refresher is not None else FeedRefresher(
            store, runner, parent=self)
        self.refresher.fetched.connect(self._on_fetched)
        self.refresher.pending_changed.connect(lambda _count: self._say_pending())
        self.address = QLineEdit(self)
        self.address.setObjectName("feedAddress")
        self.address.setPlaceholderText("https://… address of an RSS or Atom feed")
        self.address.returnPressed.connect(self.subscribe_to_address)
        self.subscribe_button = QPushButton("&Subscribe", self)
        self.subscribe_button.setAutoDefault(False)
        self.subscribe_button.clicked.connect(self.subscribe_to_address)
        self.refresh_button = QPushButton("&Refresh", self)
        self.refresh_button.setAutoDefault(False)
        self.refresh_button.setToolTip("Fetch every feed again (F5)")
        self.refresh_button.clicked.connect(self.refresh)
        self.remove_button = QPushButton("&Unsubscribe", self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.unsubscribe_current)
        QShortcut(QKeySequence("F5"), self, self.refresh)

        self.feed_list = QListWidget(self)
        self.feed_list.setObjectName("feedList")
        self.feed_list.currentRowChanged.connect(lambda _row: self._fill_entries())
        self.entry_list = QTreeWidget(self)
        self.entry_list.setObjectName("feedEntries")
        self.entry_list.setHeaderLabels(["Article", "Feed", "Published"])
        self.entry_list.setRootIsDecorated(False)
        self.entry_list.setUniformRowHeights(True)
        header = self.entry_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.entry_list.setColumnWidth(1, 170)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.entry_list.itemActivated.connect(self._on_entry_activated)
        self.status_label = QLabel(NO_FEEDS, self)
        self.status_label.setObjectName("feedStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.address, 1)
        top.addWidget(self.subscribe_button)
        top.addWidget(self.refresh_button)
        top.addWidget(self.remove_button)
        splitter = QSplitter(self)
        splitter.addWidget(self.feed_list)
        splitter.addWidget(self.entry_list)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        self.feed_list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        self.reload()
        if self.feed_list.count() > 1:
            self.status_label.setText(
                "Enter or a double-click opens an article; new ones are bold. Feeds are "
                f"fetched every {round(self.refresher.interval / 60)} minutes; F5 fetches "
                "them all now.")

    # -- showing ------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the store's feeds and entries again (the selected feed kept)."""
        chosen = self.current_feed()
        self.feed_list.blockSignals(True)
        self.feed_list.clear()
        try:
            feeds = self.store.feeds()
        except AssistantError as error:
            self.status_label.setText(error.message)
            feeds = []
        everything = QListWidgetItem(self._label(ALL_FEEDS, None))
        everything.setData(Qt.ItemDataRole.UserRole, None)
        self.feed_list.addItem(everything)
        for feed in feeds:
            item = QListWidgetItem(self._label(message_text(feed.title, 80), feed.url))
            item.setData(Qt.ItemDataRole.UserRole, feed.url)
            item.setToolTip(plain_tooltip(feed.problem or feed.url))
            self.feed_list.addItem(item)
            if feed.url == chosen:
                self.feed_list.setCurrentItem(item)
        if self.feed_list.currentRow() < 0:
            self.feed_list.setCurrentRow(0)
        self.feed_list.blockSignals(False)
        self._fill_entries()

    def _label(self, title: str, url: str | None) -> str:
        new = self.store.new_count(url)
        return f"{title} ({new} new)" if new else title

    def current_feed(self) -> str | None:
        item = self.feed_list.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _fill_entries(self) -> None:
        self.entry_list.clear()
        titles = {feed.url: feed.title for feed in self.store.feeds()}
        for entry in self.store.entries(self.current_feed()):
            when = (time.strftime("%Y-%m-%d %H:%M", time.localtime(entry.published))
                    if entry.published else "")
            item = QTreeWidgetItem([entry.title, message_text(titles.get(entry.feed, ""), 60),
                                    when])
            item.setData(0, Qt.ItemDataRole.UserRole, entry)
            item.setToolTip(0, plain_tooltip(entry.link))
            if not entry.seen:
                font = QFont(item.font(0))
                font.setBold(True)
                item.setFont(0, font)
            self.entry_list.addTopLevelItem(item)
        first = self.entry_list.topLevelItem(0)
        if first is not None:
            self.entry_list.setCurrentItem(first)

    @property
    def shown_entries(self) -> list[FeedEntry]:
        tree = self.entry_list
        items = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
        return [item.data(0, Qt.ItemDataRole.UserRole) for item in items if item is not None]

    # -- what the learner does ----------------------------------------------------------

    def subscribe_to_address(self) -> None:
        try:
            feed = self.store.subscribe(self.address.text())
        except AssistantError as error:
            self.status_label.setText(error.message)
            return
        self.address.clear()
        self.reload()
        self.fetch(feed.url)

    def unsubscribe_current(self) -> None:
        url = self.current_feed()
        if url is None:
            return
        try:
            self.store.unsubscribe(url)
        except AssistantError as error:
            self.status_label.setText(error.message)
        self.reload()

    def refresh(self) -> None:
        """Fetch every feed in the background (F5: the cache does not count)."""
        self.refresher.refresh_all()

    def fetch(self, url: str) -> None:
        self.refresher.fetch(url)

    def _say_pending(self) -> None:
        pending = len(self.refresher.pending)
        if pending:
            self.status_label.setText(f"Fetching {pending} feed{'s' if pending > 1 else ''}…")

    def _on_fetched(self, url: str, said: str) -> None:
        self.status_label.setText(said)
        self._say_pending()
        self.reload()
        self.fetched.emit(url)

    def _on_entry_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        entry = item.data(0, Qt.ItemDataRole.UserRole)
        if not isinstance(entry, FeedEntry):
            return
        try:
            self.store.mark_seen(entry)
        except AssistantError as error:
            self.status_label.setText(error.message)
        self.open_requested.emit(entry.link)
        self.reload()
