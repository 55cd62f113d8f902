// ThreadPool implementation: one shared queue; waiting callers run queued tasks.
#include "common/thread_pool.h"

#include <atomic>
#include <exception>

namespace switchboard {

struct ThreadPool::Batch {
  const std::function<void(size_t)>* fn;
  std::atomic<size_t> remaining;
  std::mutex error_mutex;
  std::exception_ptr error;
};

ThreadPool::ThreadPool(size_t threads) {
  for (size_t i = 1; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_available_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadPool::RunTask(const Task& task) {
  try {
    (*task.batch->fn)(task.index);
  } catch (...) {
    std::lock_guard<std::mutex> lock(task.batch->error_mutex);
    if (!task.batch->error) task.batch->error = std::current_exception();
  }
}

void ThreadPool::WorkerLoop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    work_available_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;
    Task task = queue_.front();
    queue_.pop_front();
    lock.unlock();
    RunTask(task);
    bool batch_done = task.batch->remaining.fetch_sub(1) == 1;
    lock.lock();
    if (batch_done) task_done_.notify_all();
  }
}

void ThreadPool::ParallelFor(size_t tasks, const std::function<void(size_t)>& fn) {
  if (tasks == 0) return;
  Batch batch;
  batch.fn = &fn;
  batch.remaining.store(tasks);
  if (workers_.empty() || tasks == 1) {
    for (size_t i = 0; i < tasks; ++i) RunTask(Task{&batch, i});
  } else {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      for (size_t i = 1; i < tasks; ++i) queue_.push_back(Task{&batch, i});
    }
    work_available_.notify_all();
    RunTask(Task{&batch, 0});
    batch.remaining.fetch_sub(1);
    std::unique_lock<std::mutex> lock(mutex_);
    while (batch.remaining.load() != 0) {
      if (!queue_.empty()) {
        Task task = queue_.front();
        queue_.pop_front();
        lock.unlock();
        RunTask(task);
        bool batch_done = task.batch->remaining.fetch_sub(1) == 1;
        lock.lock();
        if (batch_done) task_done_.notify_all();
      } else {
        task_done_.wait(lock);
      }
    }
  }
  if (batch.error) std::rethrow_exception(batch.error);
}

}  // namespace switchboard
