# Sources of the realtime client, relative to libnolag-qt/.
set(NOLAGQT_REALTIME_HEADERS
)
set(NOLAGQT_REALTIME_SOURCES
)
