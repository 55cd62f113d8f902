// ThreadPool: a fixed set of workers that run parallel loops. Callers take part in the work, so
// a parallel loop started from inside another one never deadlocks.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace switchboard {

class ThreadPool {
 public:
  /// `threads` counts the calling thread: ThreadPool(1) starts no workers.
  explicit ThreadPool(size_t threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  size_t threads() const { return workers_.size() + 1; }

  /// Runs fn(0) ... fn(tasks - 1), in parallel, and returns when all are done. When tasks throw,
  /// the others still run to the end and the first exception is rethrown here.
  void ParallelFor(size_t tasks, const std::function<void(size_t)>& fn);

 private:
  struct Batch;
  struct Task {
    Batch* batch;
    size_t index;
  };

  void WorkerLoop();
  static void RunTask(const Task& task);

  std::mutex mutex_;
  std::condition_variable work_available_;
  std::condition_variable task_done_;
  std::deque<Task> queue_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace switchboard
