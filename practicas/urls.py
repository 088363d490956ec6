from django.urls import path

from .feeds import PracticasFeed

urlpatterns = [path("practicas/feed.xml", PracticasFeed(), name="practicas_feed")]
